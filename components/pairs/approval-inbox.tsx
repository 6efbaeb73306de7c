"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionError } from "@/lib/actions/result";
import { approvePairs, rejectPair, withdrawPair } from "@/lib/pairs/actions";
import { RejectPairInput } from "@/lib/pairs/schemas";
import { ClientForm } from "@/components/ui/client-form";
import { useHydrated } from "@/components/ui/use-hydrated";

export type InboxPair = { id: string; version: number; label: string; details: string };

function RejectForm({ org, pair }: { org: string; pair: InboxPair }) {
  const t = useTranslations("pairs");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RejectPairInput>(RejectPairInput, rejectPair, { org, pairId: pair.id, version: pair.version, comment: "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("rejectFor", { name: pair.label })} className="flex flex-col gap-1">
      <TextField label={t("rejectComment")} error={fieldError("comment")} {...form.register("comment")} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("reject")}
        </Button>
        <InlineOutcome result={result} okText={t("rejected")} />
      </div>
    </ClientForm>
  );
}

/** The director's inbox: approve the selected pairs at once (one order), or reject one with a comment. */
/** `today`: yyyy-mm-dd in the school's zone, from the server: the order's default date. */
export function ApprovalInbox({ org, pairs, canApprove, canWithdraw, today }: { org: string; pairs: InboxPair[]; canApprove: boolean; canWithdraw: boolean; today: string }) {
  const t = useTranslations("pairs");
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<string[]>(pairs.map((p) => p.id));
  const [orderDate, setOrderDate] = useState(today);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [approved, setApproved] = useState<string | null>(null);
  // The approve button goes away with the approved pairs: the focus moves to the confirmation instead of
  // falling back to the top of the document.
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (approved) confirmation.current?.focus();
  }, [approved]);
  const approve = () =>
    startTransition(async () => {
      const chosen = pairs.filter((p) => selected.includes(p.id));
      const res = await approvePairs({ org, orderDate, pairs: chosen.map((p) => ({ pairId: p.id, version: p.version })) });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setError(null);
      setApproved(res.data.number);
    });
  return (
    <div className="flex flex-col gap-4">
      {error ? <ActionErrorNotice error={error} /> : null}
      {approved ? (
        <div ref={confirmation} tabIndex={-1}>
          <Notice kind="success">{t("approved", { number: approved })}</Notice>
        </div>
      ) : null}
      {pairs.length === 0 ? (
        <p>{t("inboxEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {pairs.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-3">
              <div className="flex items-start gap-3">
                {canApprove ? (
                  <input
                    type="checkbox"
                    className="mt-1"
                    aria-label={t("selectRow", { name: p.label })}
                    checked={selected.includes(p.id)}
                    disabled={!hydrated}
                    onChange={(e) => setSelected(e.target.checked ? [...selected, p.id] : selected.filter((id) => id !== p.id))}
                  />
                ) : null}
                <div className="flex flex-1 flex-col gap-1">
                  <p className="font-medium">{p.label}</p>
                  <p className="text-sm text-slate-700">{p.details}</p>
                  {canApprove ? <RejectForm org={org} pair={p} /> : null}
                  {canWithdraw ? <ActionButton action={withdrawPair} input={{ org, pairId: p.id, version: p.version }} label={t("withdraw")} done={t("withdrawn")} /> : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canApprove && pairs.length > 0 ? (
        <div className="flex flex-wrap items-end gap-3">
          <TextField label={t("orderDate")} type="date" value={orderDate} disabled={!hydrated} onChange={(e) => setOrderDate(e.target.value)} />
          <Button type="button" onClick={approve} disabled={pending || selected.length === 0}>
            {t("approveSelected")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
