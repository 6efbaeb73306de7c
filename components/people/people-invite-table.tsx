"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ResendInvitation } from "@/components/members/resend-invitation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, Td, type TableSort } from "@/components/ui/table";
import { useIdempotencyKey } from "@/components/ui/use-idempotency-key";
import type { AppRole } from "@/lib/auth/roles";
import { inviteMany, type InviteManyResult } from "@/lib/members/invite-actions";

export type InvitablePersonRow = {
  id: string;
  name: string;
  minor: boolean;
  kind: string;
  details: string | null;
  inactive: boolean;
  consents: string;
  email: string | null;
  proposedRole: AppRole | null;
  pending: boolean;
  hasAccount: boolean;
};

// The name and kind headers may be the server's sort links (components/ui/list-controls.tsx).
type Labels = { caption: string; name: ReactNode; kind: ReactNode; details: string; consents: string; minor: string; inactive: string };

/**
 * The people list with the bulk invitation (issue #13 item 4): tick people who have an e-mail (or «Выбрать
 * всех с e-mail»), check the role proposed for each, and invite them in one action. Native checkboxes,
 * selects and buttons: all of it works from the keyboard.
 */
export function PeopleInviteTable({ org, rows, roles, labels, sorted }: { org: string; rows: InvitablePersonRow[]; roles: AppRole[]; labels: Labels; sorted?: TableSort }) {
  const t = useTranslations("accounts");
  const tr = useTranslations("roles");
  const key = useIdempotencyKey();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The roles changed by hand; the others are the proposed ones (rows added later included).
  const [chosen, setChosen] = useState<Record<string, AppRole>>({});
  const roleOf: Record<string, AppRole | undefined> = Object.fromEntries(rows.map((r) => [r.id, chosen[r.id] ?? r.proposedRole ?? undefined]));
  const [outcome, setOutcome] = useState<{ ok: true; data: InviteManyResult } | { ok: false; message: string } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const selectable = rows.filter((r) => r.email && roleOf[r.id]);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () =>
    startTransition(async () => {
      const invitations = rows.filter((r) => selected.has(r.id) && roleOf[r.id]).map((r) => ({ personId: r.id, role: roleOf[r.id]! }));
      const res = await inviteMany({ org, invitations, idempotencyKey: key.current() });
      if (res.ok) {
        key.renew();
        setSelected(new Set());
        setOutcome({ ok: true, data: res.data });
      } else setOutcome({ ok: false, message: res.error.message });
    });

  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)))}>
          {allSelected ? t("invite.clearAll") : t("invite.selectAll")}
        </Button>
        <span aria-live="polite">{t("invite.selected", { count: selected.size })}</span>
        <Button type="button" disabled={pending || selected.size === 0} onClick={submit}>
          {pending ? t("invite.sending") : t("invite.submit")}
        </Button>
      </div>
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="outline-none">
          {outcome.ok ? (
            <Notice kind={outcome.data.created.length ? "success" : "info"}>
              <p>{t(outcome.data.mailed ? "invite.createdMailed" : "invite.createdNoSmtp", { count: outcome.data.created.length })}</p>
              {!outcome.data.mailed && outcome.data.created.length ? (
                <p className="mt-1">
                  <Link href={`/${org}/outbox#invitations`} className="text-brand-700 underline">
                    {t("invite.outboxLink")}
                  </Link>
                </p>
              ) : null}
              {outcome.data.refused.length ? (
                <>
                  <p className="mt-2">{t("invite.refusedTitle", { count: outcome.data.refused.length })}</p>
                  <ul className="ml-5 list-disc">
                    {outcome.data.refused.map((r) => (
                      <li key={r.personId} className="mt-1">
                        {names.get(r.personId) ?? r.name}: {t(`refusals.${r.reason}`)}
                        {r.invitationId ? (
                          <div className="mt-1">
                            <ResendInvitation org={org} invitationId={r.invitationId} deliver="email" />
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </Notice>
          ) : (
            <Notice kind="error">{outcome.message}</Notice>
          )}
        </div>
      ) : null}
      <Table
        caption={labels.caption}
        sorted={sorted}
        head={[t("invite.columnSelect"), labels.name, labels.kind, labels.details, t("invite.columnEmail"), labels.consents, t("invite.columnRole")]}
      >
        {rows.map((p) => {
          const canPick = Boolean(p.email && roleOf[p.id]);
          return (
            <tr key={p.id} data-person={p.id}>
              <Td>
                {canPick ? (
                  <>
                    <input
                      id={`invite-${p.id}`}
                      type="checkbox"
                      className="h-4 w-4"
                      checked={selected.has(p.id)}
                      onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                    />
                    <label htmlFor={`invite-${p.id}`} className="sr-only">
                      {t("invite.select", { name: p.name })}
                    </label>
                  </>
                ) : null}
              </Td>
              <Td>
                <Link href={`/${org}/people/${p.id}`} className="text-brand-700 underline">
                  {p.name}
                </Link>
                {p.minor ? <span className="block text-sm text-slate-700">{labels.minor}</span> : null}
              </Td>
              <Td>{p.kind}</Td>
              <Td>{p.inactive ? <span className="text-red-800">{labels.inactive}</span> : p.details}</Td>
              <Td>
                {p.email ?? <span className="text-slate-700">{t("invite.noEmail")}</span>}
                {p.pending ? <span className="block text-xs text-slate-700">{t("invite.pending")}</span> : null}
                {p.hasAccount ? <span className="block text-xs text-slate-700">{t("invite.hasAccount")}</span> : null}
              </Td>
              <Td>{p.consents}</Td>
              <Td>
                {p.email && roleOf[p.id] ? (
                  <>
                    <label htmlFor={`invite-role-${p.id}`} className="sr-only">
                      {t("invite.roleFor", { name: p.name })}
                    </label>
                    <select
                      id={`invite-role-${p.id}`}
                      className="rounded-md border border-slate-500 bg-white px-2 py-1 text-sm text-slate-900"
                      value={roleOf[p.id]}
                      onChange={(e) => {
                        const role = e.currentTarget.value as AppRole;
                        setChosen((prev) => ({ ...prev, [p.id]: role }));
                      }}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {tr(r)}
                        </option>
                      ))}
                    </select>
                  </>
                ) : p.email ? (
                  <span className="text-slate-700">{t("invite.noRole")}</span>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
