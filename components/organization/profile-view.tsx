import { getTranslations } from "next-intl/server";
import type { OrganizationProfile } from "@/lib/organization/queries";

/** The profile as members see it: every requisite, «не указано» where the profile has none. */
export async function ProfileView({ profile }: { profile: OrganizationProfile }) {
  const t = await getTranslations();
  const rows: [string, string | null][] = [
    [t("profile.name"), profile.name],
    [t("profile.shortName"), profile.shortName],
    [t("profile.place"), profile.place],
    [t("profile.address"), profile.address],
    [t("profile.phone"), profile.phone],
    [t("profile.email"), profile.email],
    [t("profile.website"), profile.website],
    [t("profile.inn"), profile.inn],
    [t("profile.ogrn"), profile.ogrn],
    [t("profile.headPosition"), profile.effectiveHeadPosition],
    [t("profile.headName"), profile.headName],
    [t("profile.timeZone"), profile.timeZone],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className={value ? undefined : "text-slate-600"}>{value ?? t("profile.notSet")}</dd>
        </div>
      ))}
    </dl>
  );
}
