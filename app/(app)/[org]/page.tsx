import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { getParentOrganization, listDistrictSchools } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export default async function OrganizationHome({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  const t = await getTranslations();
  const isDistrictOffice = ctx.organization.kind !== "SCHOOL";
  const { parent, schools } = await readPage(ctx, async (read) => ({
    parent: await getParentOrganization(read),
    schools: isDistrictOffice && hasPermission(ctx.roles, "district.view") ? await listDistrictSchools(read) : null,
  }));
  const base = `/${ctx.organization.slug}`;
  const links = [
    hasPermission(ctx.roles, "program.view") && { href: `${base}/program`, label: t("nav.program") },
    hasPermission(ctx.roles, "program.view") && { href: `${base}/program/roadmap`, label: t("nav.roadmap") },
    hasPermission(ctx.roles, "members.view") && { href: `${base}/members`, label: t("home.membersLink") },
    schools && { href: `${base}/schools`, label: t("home.schoolsLink") },
    hasPermission(ctx.roles, "audit.view") && { href: `${base}/audit`, label: t("home.auditLink") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));

  return (
    <>
      <PageHeader title={t("home.greeting", { name: ctx.user.name })}>
        <p>
          {t("home.youAre", {
            organization: ctx.organization.name,
            roles: ctx.roles.map((r) => t(`roles.${r}`)).join(", "),
          })}
        </p>
      </PageHeader>

      <Section title={t("home.yourRoles")} id="roles">
        <dl className="flex flex-col gap-3">
          {ctx.roles.map((role) => (
            <div key={role}>
              <dt className="font-medium">{t(`roles.${role}`)}</dt>
              <dd className="text-slate-700">{t(`roleDuties.${role}`)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title={t("home.aboutOrganization")} id="organization">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("home.kind")}</dt>
          <dd>{ctx.organization.schoolKind ? t(`schoolKinds.${ctx.organization.schoolKind}`) : t(`orgKinds.${ctx.organization.kind}`)}</dd>
          {ctx.organization.address ? (
            <>
              <dt className="font-medium">{t("home.address")}</dt>
              <dd>{ctx.organization.address}</dd>
            </>
          ) : null}
          {parent ? (
            <>
              <dt className="font-medium">{t("home.parent")}</dt>
              <dd>{parent.name}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("home.timeZone")}</dt>
          <dd>{ctx.organization.timeZone}</dd>
          {schools ? (
            <>
              <dt className="font-medium">{t("nav.schools")}</dt>
              <dd>{t("home.districtSchools", { count: schools.length })}</dd>
            </>
          ) : null}
        </dl>
        <p className="mt-4">
          <Link href={`${base}/profile`} className="text-brand-700 underline">
            {hasPermission(ctx.roles, "organization.settings") ? t("home.editProfile") : t("home.viewProfile")}
          </Link>
        </p>
      </Section>

      <Section title={t("home.whatNext")} id="sections">
        {links.length > 0 ? (
          <ul className="flex list-disc flex-col gap-2 pl-5">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-brand-700 underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}
