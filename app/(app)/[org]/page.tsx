import { getTranslations } from "next-intl/server";
import { ApprovalTasks, ProgramTasks, SurveyTasks } from "@/components/home/home-tasks";
import { OrganizationAbout } from "@/components/home/organization-about";
import { DistrictTasks, PairTasks } from "@/components/home/pair-tasks";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { currentAcademicYear } from "@/lib/domain/academic-year";
import { loadHome } from "@/lib/home/queries";

export const dynamic = "force-dynamic";

// The organization's home says what to do next for the signed-in person's roles (lib/home/queries.ts); what
// the organization is and the person's duties come after.
export default async function OrganizationHome({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  const t = await getTranslations();
  const home = await readPage(ctx, (read) => loadHome(read));
  const base = `/${ctx.organization.slug}`;
  const isSchool = ctx.organization.kind === "SCHOOL";
  return (
    <>
      <PageHeader title={t("home.greeting", { name: ctx.user.name })}>
        <p>{t("home.youAre", { organization: ctx.organization.name, roles: ctx.roles.map((r) => t(`roles.${r}`)).join(", ") })}</p>
      </PageHeader>
      {home.myPairs ? <PairTasks base={base} myPairs={home.myPairs} /> : null}
      {home.mySurveys ? <SurveyTasks base={base} surveys={home.mySurveys} /> : null}
      {hasPermission(ctx.roles, "program.manage") ? (
        <ProgramTasks base={base} program={home.program} isSchool={isSchool} roles={ctx.roles} canCreate year={currentAcademicYear(ctx.organization.timeZone, now())} />
      ) : null}
      <ApprovalTasks base={base} approvals={home.approvals} />
      {home.district ? <DistrictTasks base={base} district={home.district} /> : null}
      <OrganizationAbout ctx={ctx} parentName={home.parentName} districtSchools={home.district?.schools ?? null} />
    </>
  );
}
