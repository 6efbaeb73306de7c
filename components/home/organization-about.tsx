import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";

/** The signed-in person's roles with their duties, the organization's facts and the sections they may open. */
export async function OrganizationAbout({ ctx, parentName, districtSchools }: { ctx: TenantContext; parentName: string | null; districtSchools: number | null }) {
  const t = await getTranslations();
  const base = `/${ctx.organization.slug}`;
  const links = [
    hasPermission(ctx.roles, "program.view") && { href: `${base}/program`, label: t("nav.program") },
    hasPermission(ctx.roles, "program.view") && { href: `${base}/program/roadmap`, label: t("nav.roadmap") },
    hasPermission(ctx.roles, "members.view") && { href: `${base}/members`, label: t("home.membersLink") },
    districtSchools !== null && { href: `${base}/schools`, label: t("home.schoolsLink") },
    hasPermission(ctx.roles, "audit.view") && { href: `${base}/audit`, label: t("home.auditLink") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  return (
    <>
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
          {parentName ? (
            <>
              <dt className="font-medium">{t("home.parent")}</dt>
              <dd>{parentName}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("home.timeZone")}</dt>
          <dd>{ctx.organization.timeZone}</dd>
          {districtSchools !== null ? (
            <>
              <dt className="font-medium">{t("nav.schools")}</dt>
              <dd>{t("home.districtSchools", { count: districtSchools })}</dd>
            </>
          ) : null}
        </dl>
        <p className="mt-4">
          <Link href={`${base}/profile`} className="text-brand-700 underline">
            {hasPermission(ctx.roles, "organization.settings") ? t("home.editProfile") : t("home.viewProfile")}
          </Link>
        </p>
      </Section>
      {links.length > 0 ? (
        <Section title={t("home.whatNext")} id="sections">
          <ul className="flex list-disc flex-col gap-2 pl-5">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-brand-700 underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
