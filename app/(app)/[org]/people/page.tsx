import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PeopleInviteTable } from "@/components/people/people-invite-table";
import { PersonForm } from "@/components/people/person-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission, invitableRoles } from "@/lib/auth/permissions";
import { INVITATION_TTL_DAYS } from "@/lib/domain/invitation";
import { proposeRole } from "@/lib/domain/invitation-roles";
import { requireTenant } from "@/lib/auth/tenant";
import { fullName } from "@/lib/domain/names";
import { listPeoplePage, PeopleSearchInput } from "@/lib/people/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { Pager } from "@/components/ui/pager";
import { ListFound, sortableHead } from "@/components/ui/list-controls";
import { PeopleSearchForm } from "@/components/people/people-search-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "people.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const { search, ignored } = readListParams(PeopleSearchInput, await searchParams);
  const t = await getTranslations("people");
  const ti = await getTranslations("peopleImport");
  const ta = await getTranslations("accounts");
  const list = await listPeoplePage(ctx, search);
  const people = list.rows;
  const filtered = Boolean(search.q || search.kind);
  // The list's address with its search kept and something changed (the page, the order).
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/people`, { q: search.q, kind: search.kind, sort: search.sort, page: list.page }, changes, "#people");
  const { head, sorted } = sortableHead([{ label: t("name"), sort: "name" }, { label: t("kind"), sort: "kind" }, { label: t("details") }, { label: t("consents") }], sortOf(search.sort, "name"), (sort) => href({ sort }));
  // Directors and curators invite people from here (the roles they may hand out).
  const roles = hasPermission(ctx.roles, "members.invite") ? invitableRoles(ctx.roles) : [];
  const consentsOf = (covered: (typeof people)[number]["covered"]) => (covered.length ? covered.map((c) => t(`purposes.${c}`)).join(", ") : "—");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          {hasPermission(ctx.roles, "people.manage") ? (
            <Link href={`/${org}/people/import`} className="text-brand-700 underline">
              {ti("linkImport")}
            </Link>
          ) : null}
          {/* A file download, not a page: a plain link. */}
          <a href={`/${org}/people/export`} className="text-brand-700 underline">
            {ti("linkExport")}
          </a>
        </p>
      </PageHeader>
      <Section title={t("caption")} id="people">
        {list.total > 0 || filtered ? (
          <>
            <PeopleSearchForm org={org} search={search} />
            <ListFound total={list.total} ignored={ignored} />
          </>
        ) : null}
        {people.length === 0 ? (
          <p>{filtered ? t("search.none") : t("empty")}</p>
        ) : roles.length > 0 ? (
          <>
            <p className="mb-3 max-w-3xl text-slate-700">{ta("invite.intro", { days: INVITATION_TTL_DAYS })}</p>
            <PeopleInviteTable
              org={org}
              roles={roles}
              labels={{ caption: t("caption"), name: head[0], kind: head[1], details: t("details"), consents: t("consents"), minor: t("minor"), inactive: t("inactive") }}
              sorted={sorted ? { ...sorted, column: sorted.column + 1 } : undefined}
              rows={people.map((p) => ({
                id: p.id,
                name: fullName(p),
                minor: p.minor,
                kind: t(`kinds.${p.kind}`),
                details: [p.position, p.grade].filter(Boolean).join(", ") || null,
                inactive: !p.active,
                consents: consentsOf(p.covered),
                email: p.email,
                proposedRole: proposeRole({ kind: p.kind, position: p.position, inMenteeBank: Boolean(p.menteeProfile), inMentorBank: Boolean(p.mentorProfile) }, roles),
                pending: p.invitations.length > 0,
                hasAccount: p.userId !== null,
              }))}
            />
          </>
        ) : (
          <Table caption={t("caption")} head={head} sorted={sorted}>
            {people.map((p) => (
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
                <Td>{consentsOf(p.covered)}</Td>
              </tr>
            ))}
          </Table>
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
      <Section title={t("addTitle")} id="add">
        <PersonForm org={org} />
      </Section>
    </>
  );
}
