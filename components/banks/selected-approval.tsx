"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionError } from "@/lib/actions/result";
import { approveMentees } from "@/lib/banks/mentee-approval-actions";
import { approveIncentives } from "@/lib/incentives/actions";

export type ApprovalItem = { id: string; label: string; details: string | null };

/**
 * The head's list: tick who (or which payments) to approve — all are ticked to begin with, as the list
 * the curator brought — and approve them at once. One refusal names every entry that cannot be approved.
 */
export function SelectedApproval({ org, kind, items }: { org: string; kind: "mentees" | "incentives"; items: ApprovalItem[] }) {
  const t = useTranslations("banks.approval");
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<string[]>(items.map((i) => i.id));
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [approved, setApproved] = useState<number | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // The approved entries leave the list: the focus goes to the confirmation, not to the top of the page.
  useEffect(() => {
    if (approved !== null) confirmation.current?.focus();
  }, [approved]);
  const approve = () =>
    startTransition(async () => {
      const ids = items.filter((i) => selected.includes(i.id)).map((i) => i.id);
      const res = kind === "mentees" ? await approveMentees({ org, menteeIds: ids }) : await approveIncentives({ org, paymentIds: ids });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setError(null);
      setApproved(res.data.approved);
    });
  return (
    <div className="flex flex-col gap-3">
      {error ? <ActionErrorNotice error={error} /> : null}
      {approved !== null ? (
        <div ref={confirmation} tabIndex={-1}>
          <Notice kind="success">{t(`${kind}Approved`, { count: approved })}</Notice>
        </div>
      ) : null}
      {items.length === 0 ? (
        <p>{t(`${kind}Empty`)}</p>
      ) : (
        <>
          <ul className="flex flex-col gap-2">
            {items.map((i) => (
              <li key={i.id} className="flex items-start gap-3 rounded-md border border-slate-200 p-2">
                <input
                  type="checkbox"
                  id={`approve-${i.id}`}
                  className="mt-1"
                  checked={selected.includes(i.id)}
                  disabled={!hydrated}
                  onChange={(e) => setSelected(e.target.checked ? [...selected, i.id] : selected.filter((id) => id !== i.id))}
                />
                <label htmlFor={`approve-${i.id}`} className="flex flex-col">
                  <span className="font-medium">{i.label}</span>
                  {i.details ? <span className="text-sm text-slate-700">{i.details}</span> : null}
                </label>
              </li>
            ))}
          </ul>
          <div>
            <Button type="button" onClick={approve} disabled={pending || !hydrated || selected.length === 0}>
              {t(`${kind}ApproveSelected`, { count: selected.length })}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
