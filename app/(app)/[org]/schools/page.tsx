import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InviteDirectorForm } from "@/components/members/invite-director-form";
import { AddOrganizationForm } from "@/components/registry/add-organization-form";
import { OrganizationsTable } from "@/components/registry/organizations-table";
import { RegistryImport } from "@/components/registry/registry-import";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listRegistryPage, RegistrySearchInput } from "@/lib/registry/queries";
import { listDistrictSchools } from "@/lib/members/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { FilterSelect, ListFound, ListSearchForm } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { templateKinds } from "@/lib/registry/template";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("schools");
  return { title: t("title") };
}

const TYPES = ["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY"] as const;

export default async function DistrictSchoolsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.view");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const { search, ignored } = readListParams(RegistrySearchInput, await searchParams);
  const t = await getTranslations();
  const invites = hasPermission(ctx.roles, "district.inviteDirector");
  const [list, schools] = await readPage(ctx, (c) => Promise.all([listRegistryPage(c, search), invites ? listDistrictSchools(c) : []]));
  const manage = hasPermission(ctx.roles, "registry.manage");
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/schools`, { q: search.q, type: search.type, sort: search.sort, page: list.page }, changes, "#schools");
  return (
    <>
      <PageHeader title={t("schools.title")}>
        <p>{t("schools.intro")}</p>
      </PageHeader>
      <Section title={t("schools.caption")} id="schools">
        <ListSearchForm action={`/${org}/schools`} id="schools" title={t("registry.searchTitle")} q={search.q} qLabel={t("registry.searchName")} sort={search.sort} resetHref={`/${org}/schools#schools`}>
          <FilterSelect
            id="schools-type"
            name="type"
            label={t("registry.typeLabel")}
            value={search.type}
            any={t("registry.typeAny")}
            options={[...TYPES.map((k) => ({ value: k, label: t(`schoolKinds.${k}`) })), { value: "MUNICIPALITY", label: t("orgKinds.MUNICIPALITY") }]}
          />
        </ListSearchForm>
        <ListFound total={list.total} ignored={ignored} />
        <OrganizationsTable organizations={list.rows} filtered={Boolean(search.q || search.type)} sort={sortOf(search.sort, "kind")} sortHref={(sort) => href({ sort })} />
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
      {manage ? (
        <>
          <Section title={t("registry.addTitle")} id="add-organization">
            <p className="mb-4">{t("registry.addIntro")}</p>
            <AddOrganizationForm org={org} kinds={templateKinds(ctx.organization.kind)} />
          </Section>
          <Section title={t("registry.importTitle")} id="import-organizations">
            <RegistryImport org={org} templateHref={`/${org}/schools/template`} />
          </Section>
        </>
      ) : null}
      {invites && schools.length > 0 ? (
        <Section title={t("schools.inviteDirectorTitle")} id="invite-director">
          <InviteDirectorForm org={org} schools={schools.map((s) => ({ id: s.id, name: s.shortName ?? s.name }))} />
        </Section>
      ) : null}
    </>
  );
}
