import { Section } from "@/components/ui/page-header";
import { KeyValueTable } from "@/components/ui/table";
import type { ResultsSummary } from "@/lib/domain/district-results";
import type { Tr } from "@/lib/monitoring/district-text";
import { formatDecimal, formatPercent } from "@/lib/format";


/** The district (region) dashboard's results of the year's programs (issue #16 item 4, decision 053). */
export function DistrictResults({ t, results: r, schools, yearText }: { t: Tr; results: ResultsSummary; schools: number; yearText: string }) {
  const of = (part: number, whole: number, share: number | null) => t("results.ofWhole", { part, whole, share: formatPercent(share) });
  const ofSchools = (part: number) => of(part, schools, schools ? (part / schools) * 100 : null);
  const rows: [string, string | number][] = [
    [t("results.pairs"), r.pairsWorked],
    [t("results.programs"), of(r.programsApproved, r.pairsWorked, r.programsApprovedShare)],
    [t("results.planItems"), of(r.planItemsDone, r.planItems, r.planItemsDoneShare)],
    [t("results.meetings"), r.meetings],
    [t("results.meetingsPerPair"), formatDecimal(r.meetingsPerPair)],
    [t("results.cases"), r.cases],
    [t("results.awards"), r.awards],
    [t("results.site"), ofSchools(r.sitePublished)],
    [t("results.introduction"), ofSchools(r.introductionOrders)],
    [t("results.incentive"), ofSchools(r.incentiveRegulations)],
    [t("results.minorMentees"), of(r.minorMentees, r.minorStudents, r.minorMenteesShare)],
    [t("results.minorMentors"), of(r.minorMentors, r.minorStudents, r.minorMentorsShare)],
    [t("results.young"), r.youngWorked],
    [t("results.youngMentored"), r.youngMentored],
    [t("results.youngStayed"), of(r.youngMentoredStayed, r.youngMentored, r.youngRetainedShare)],
    [t("results.youngLeft"), r.youngLeft],
    [t("results.growth"), r.growthCriteria ? t("results.growthValue", { up: r.growthCriteriaUp, criteria: r.growthCriteria, share: formatPercent(r.growthShare), schools: r.growthSchools }) : t("results.growthNone")],
  ];
  return (
    <Section title={t("results.title")} id="results">
      <p className="mb-3">{t("results.intro", { year: yearText })}</p>
      <KeyValueTable caption={t("results.caption")} head={[t("results.head.indicator"), t("results.head.value")]} rows={rows} />
      <p className="mt-2 text-sm text-slate-700">{t("results.note")}</p>
    </Section>
  );
}
