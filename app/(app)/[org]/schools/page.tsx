import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InviteDirectorForm } from "@/components/members/invite-director-form";
import { AddOrganizationForm } from "@/components/registry/add-organization-form";
import { OrganizationsTable } from "@/components/registry/organizations-table";
import { RegistryImport } from "@/components/registry/registry-import";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listRegistryChildren } from "@/lib/registry/queries";
import { templateKinds } from "@/lib/registry/template";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("schools");
  return { title: t("title") };
}

export default async function DistrictSchoolsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.view");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const t = await getTranslations();
  const children = await readPage(ctx, (c) => listRegistryChildren(c));
  const schools = children.filter((c) => c.kind === "SCHOOL" && !c.archivedAt);
  const manage = hasPermission(ctx.roles, "registry.manage");
  return (
    <>
      <PageHeader title={t("schools.title")}>
        <p>{t("schools.intro")}</p>
      </PageHeader>
      <Section title={t("schools.caption")} id="schools">
        <OrganizationsTable organizations={children} />
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
      {hasPermission(ctx.roles, "district.inviteDirector") && schools.length > 0 ? (
        <Section title={t("schools.inviteDirectorTitle")} id="invite-director">
          <InviteDirectorForm org={org} schools={schools.map((s) => ({ id: s.id, name: s.shortName ?? s.name }))} />
        </Section>
      ) : null}
    </>
  );
}
