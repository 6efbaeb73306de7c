import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import type { HomeData } from "@/lib/home/queries";
import { toLocale } from "@/lib/i18n/config";
import { DistrictSchoolsTable } from "@/components/monitoring/district-schools-table";

const LINK = "text-brand-700 underline";
const BUTTON = "inline-flex items-center rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

/**
 * A mentor's or a mentee's pairs with the next planned meeting and a «Записать встречу» link straight to the
 * pair's meetings form: from the home page a meeting is logged in two taps (issue #19 item 2).
 */
export async function PairTasks({ base, myPairs }: { base: string; myPairs: NonNullable<HomeData["myPairs"]> }) {
  const t = await getTranslations("homeTodo");
  const locale = toLocale(await getLocale());
  return (
    <Section title={t("myPairsTitle")} id="todo-pairs">
      {myPairs.pairs.length === 0 ? (
        <p>{myPairs.linked ? t("noPairs") : t("notLinked")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {myPairs.pairs.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                {p.role === "mentor" ? t("asMentor") : t("asMentee")}: {p.others.join(", ") || "—"}
              </p>
              <p className="text-sm text-slate-700">
                {p.nextMeeting ? t("nextMeeting", { date: formatDate(p.nextMeeting.plannedOn, locale), topic: p.nextMeeting.topic }) : t("noPlannedMeeting")}{" "}
                {p.lastMeetingOn ? t("lastMeeting", { date: formatDate(p.lastMeetingOn, locale) }) : t("noMeetings")}
              </p>
              {p.inactive ? <p className="text-sm font-medium text-red-800">{t("inactive")}</p> : null}
              <p className="mt-2 flex flex-wrap items-center gap-4">
                <Link href={`${base}/pairs/${p.id}/meetings#log`} className={BUTTON}>{t("logMeeting")}</Link>
                <Link href={`${base}/pairs/${p.id}/program`} className={`${LINK} text-sm`}>{t("openPairProgram")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The district's schools that need attention, with their reasons (the dashboard's own table). */
export async function DistrictTasks({ base, district }: { base: string; district: NonNullable<HomeData["district"]> }) {
  const t = await getTranslations("homeTodo");
  const tm = await getTranslations("monitoring.district");
  return (
    <Section title={t("districtTitle")} id="todo-district">
      {district.laggingCount === 0 ? (
        <p className="mb-3">{t("districtAllClear", { count: district.schools })}</p>
      ) : (
        <>
          <p className="mb-3">{t("districtLagging", { lagging: district.laggingCount, count: district.schools })}</p>
          <DistrictSchoolsTable t={tm} caption={t("districtCaption")} schools={district.lagging} showMunicipality={false} schoolHref={(id) => `${base}/district/${id}`} />
        </>
      )}
      <p className="mt-3 text-sm">
        <Link href={`${base}/district`} className={LINK}>{t("districtOpen")}</Link>
      </p>
    </Section>
  );
}
