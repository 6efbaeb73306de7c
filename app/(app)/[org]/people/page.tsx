import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PeopleInviteList, PeopleTable } from "@/components/people/people-list";
import { PersonForm } from "@/components/people/person-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission, invitableRoles } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
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
  const list = await listPeoplePage(ctx, search);
  const people = list.rows;
  const filtered = Boolean(search.q || search.kind);
  // The list's address with its search kept and something changed (the page, the order).
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/people`, { q: search.q, kind: search.kind, sort: search.sort, page: list.page }, changes, "#people");
  const { head, sorted } = sortableHead([{ label: t("name"), sort: "name" }, { label: t("kind"), sort: "kind" }, { label: t("details") }, { label: t("consents") }], sortOf(search.sort, "name"), (sort) => href({ sort }));
  // Directors and curators invite people from here (the roles they may hand out).
  const roles = hasPermission(ctx.roles, "members.invite") ? invitableRoles(ctx.roles) : [];
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
          <PeopleInviteList org={org} people={people} head={head} sorted={sorted} roles={roles} />
        ) : (
          <PeopleTable org={org} people={people} head={head} sorted={sorted} />
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
      <Section title={t("addTitle")} id="add">
        <PersonForm org={org} />
      </Section>
    </>
  );
}
