import { getTranslations } from "next-intl/server";
import type { OrganizationProfile } from "@/lib/organization/queries";

/** The profile as members see it: every requisite, «не указано» where the profile has none. */
export async function ProfileView({ profile }: { profile: OrganizationProfile }) {
  const t = await getTranslations();
  // The head's position as documents print it: the profile's own or the default of the kind («Директор»), in Russian.
  const rows: [string, string | null, "ru"?][] = [
    [t("profile.name"), profile.name],
    [t("profile.shortName"), profile.shortName],
    [t("profile.place"), profile.place],
    [t("profile.address"), profile.address],
    [t("profile.phone"), profile.phone],
    [t("profile.email"), profile.email],
    [t("profile.website"), profile.website],
    [t("profile.inn"), profile.inn],
    [t("profile.ogrn"), profile.ogrn],
    [t("profile.headPosition"), profile.effectiveHeadPosition, "ru"],
    [t("profile.headName"), profile.headName],
    [t("profile.timeZone"), profile.timeZone],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value, lang]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className={value ? undefined : "text-slate-600"} lang={value ? lang : undefined}>{value ?? t("profile.notSet")}</dd>
        </div>
      ))}
    </dl>
  );
}
