import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/organization/profile-form";
import { ProfileView } from "@/components/organization/profile-view";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { headSignatory } from "@/lib/domain/organization-profile";
import { defaultHeadPosition } from "@/lib/domain/requisites";
import { getOrganizationProfile } from "@/lib/organization/queries";
import { SCHOOL_KINDS } from "@/lib/organization/schemas";

export const dynamic = "force-dynamic";

// Every member sees the organization's profile; the head (organization.settings) edits it.
export default async function OrganizationProfilePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  const t = await getTranslations();
  const profile = await readPage(ctx, (read) => getOrganizationProfile(read));
  const canEdit = hasPermission(ctx.roles, "organization.settings");
  const signature = headSignatory(profile);
  const isSchool = profile.kind === "SCHOOL";
  const defaultPositions = Object.fromEntries([
    ["", defaultHeadPosition({ kind: profile.kind, schoolKind: profile.schoolKind })],
    ...(isSchool ? SCHOOL_KINDS.map((k) => [k, defaultHeadPosition({ kind: "SCHOOL", schoolKind: k })]) : []),
  ]);

  return (
    <>
      <PageHeader title={t("profile.title")}>
        <p>{t("profile.intro")}</p>
        {canEdit ? null : <p className="mt-2">{t("profile.readOnly")}</p>}
      </PageHeader>
      <Section title={profile.shortName ?? profile.name} id="summary">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("profile.kind")}</dt>
          <dd>{profile.schoolKind ? t(`schoolKinds.${profile.schoolKind}`) : t(`orgKinds.${profile.kind}`)}</dd>
          {profile.parentName ? (
            <>
              <dt className="font-medium">{t("profile.parent")}</dt>
              <dd>{profile.parentName}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("profile.signature")}</dt>
          <dd data-testid="profile-signature">
            <span lang="ru">{signature.position}</span> {signature.initialsAndSurname || t("profile.notSet")}
          </dd>
        </dl>
        {hasPermission(ctx.roles, "api.tokens") ? (
          <p className="mt-3">
            <Link className="underline" href={`/${profile.slug}/profile/api-tokens`}>
              {t("apiTokens.nav")}
            </Link>
          </p>
        ) : null}
      </Section>
      {canEdit ? (
        <Section title={t("profile.requisites")} id="requisites">
          <ProfileForm
            org={profile.slug}
            schoolKinds={isSchool ? SCHOOL_KINDS.map((k) => ({ value: k, label: t(`schoolKinds.${k}`) })) : null}
            defaultPositions={defaultPositions}
            initial={{
              name: profile.name,
              shortName: profile.shortName ?? "",
              schoolKind: profile.schoolKind ?? undefined,
              place: profile.place ?? "",
              address: profile.address ?? "",
              phone: profile.phone ?? "",
              email: profile.email ?? "",
              website: profile.website ?? "",
              inn: profile.inn ?? "",
              ogrn: profile.ogrn ?? "",
              headPosition: profile.effectiveHeadPosition,
              headName: profile.headName ?? "",
              timeZone: profile.timeZone,
            }}
          />
        </Section>
      ) : (
        <Section title={t("profile.requisites")} id="requisites">
          <ProfileView profile={profile} />
        </Section>
      )}
    </>
  );
}
