import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PeopleInviteTable } from "@/components/people/people-invite-table";
import { Table, Td, type TableSort } from "@/components/ui/table";
import type { AppRole } from "@/lib/auth/roles";
import { INVITATION_TTL_DAYS } from "@/lib/domain/invitation";
import { proposeRole } from "@/lib/domain/invitation-roles";
import { fullName } from "@/lib/domain/names";
import type { listPeoplePage } from "@/lib/people/queries";

// The two forms of the people list (app/(app)/[org]/people/page.tsx): with the invitation controls for those who
// invite, a plain table for the others.

type PersonRow = Awaited<ReturnType<typeof listPeoplePage>>["rows"][number];
type ListProps = { org: string; people: PersonRow[]; head: ReactNode[]; sorted: TableSort };

/** What a person's valid consents cover, in words. */
async function consentTexts(people: PersonRow[]) {
  const t = await getTranslations("people");
  return people.map((p) => (p.covered.length ? p.covered.map((c) => t(`purposes.${c}`)).join(", ") : "—"));
}

/** The people with a role proposed for each and the button that invites them (the roles the viewer may hand out). */
export async function PeopleInviteList({ org, people, head, sorted, roles }: ListProps & { roles: AppRole[] }) {
  const t = await getTranslations("people");
  const ta = await getTranslations("accounts");
  const consents = await consentTexts(people);
  return (
    <>
      <p className="mb-3 max-w-3xl text-slate-700">{ta("invite.intro", { days: INVITATION_TTL_DAYS })}</p>
      <PeopleInviteTable
        org={org}
        roles={roles}
        labels={{ caption: t("caption"), name: head[0], kind: head[1], details: t("details"), consents: t("consents"), minor: t("minor"), inactive: t("inactive") }}
        sorted={sorted ? { ...sorted, column: sorted.column + 1 } : undefined}
        rows={people.map((p, i) => ({
          id: p.id,
          name: fullName(p),
          minor: p.minor,
          kind: t(`kinds.${p.kind}`),
          details: [p.position, p.grade].filter(Boolean).join(", ") || null,
          inactive: !p.active,
          consents: consents[i]!,
          email: p.email,
          proposedRole: proposeRole({ kind: p.kind, position: p.position, inMenteeBank: Boolean(p.menteeProfile), inMentorBank: Boolean(p.mentorProfile) }, roles),
          pending: p.invitations.length > 0,
          hasAccount: p.userId !== null,
        }))}
      />
    </>
  );
}

/** The people, each linked to their card, with their kind, details and what their consents cover. */
export async function PeopleTable({ org, people, head, sorted }: ListProps) {
  const t = await getTranslations("people");
  const consents = await consentTexts(people);
  return (
    <Table caption={t("caption")} head={head} sorted={sorted}>
      {people.map((p, i) => (
        <tr key={p.id}>
          <Td>
            <Link href={`/${org}/people/${p.id}`} className="text-brand-700 underline">
              {fullName(p)}
            </Link>
            {p.minor ? <span className="block text-sm text-slate-700">{t("minor")}</span> : null}
          </Td>
          <Td>{t(`kinds.${p.kind}`)}</Td>
          {/* A person out of active work (consent revoked) shows no details in lists. */}
          <Td>{p.active ? [p.position, p.grade].filter(Boolean).join(", ") : <span className="text-red-800">{t("inactive")}</span>}</Td>
          <Td>{consents[i]}</Td>
        </tr>
      ))}
    </Table>
  );
}
