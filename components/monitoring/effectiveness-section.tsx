import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { KeyValueTable, Table, Td } from "@/components/ui/table";
import type { Effectiveness } from "@/lib/domain/effectiveness";
import { formatDecimal, formatPercent } from "@/lib/format";
import { districtAwardNames, type DistrictAwardCounts } from "@/lib/monitoring/school";


/** The school dashboard's effectiveness of the program year (issue #16 item 4): the figures, then growth by criterion. */
export async function EffectivenessSection({ effectiveness: e, districtAwards }: { effectiveness: Effectiveness; districtAwards?: DistrictAwardCounts }) {
  const t = await getTranslations("schoolMonitoring");
  const tAwards = await getTranslations("districtAwards");
  const tv = await getTranslations("vocabulary");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  const rows: [string, string | number][] = [
    [t("effectivenessRows.approvedPrograms", { pairs: e.pairs }), e.approvedPrograms],
    [t("effectivenessRows.planItems"), `${e.planItemsDone} / ${e.planItems} (${formatPercent(e.planItemsDoneShare)})`],
    [t("effectivenessRows.meetings"), e.meetings],
    [t("effectivenessRows.meetingsPerPair"), formatDecimal(e.meetingsPerPair)],
    [t("effectivenessRows.cases"), e.cases],
    [t("effectivenessRows.awards"), e.awards],
    // The office's awards to the school's mentors (decision 060), marked as district awards.
    ...(districtAwards ? [[tAwards("dashboardRow"), districtAwards.total ? `${districtAwards.total} (${districtAwardNames(districtAwards, (kind) => tv(`districtAwardKind.${kind}`)).join("; ")})` : 0] as [string, string | number]] : []),
    [t("effectivenessRows.site"), yesNo(e.siteSectionPublished)],
    [t("effectivenessRows.introduction"), yesNo(e.introductionOrderApproved)],
    [t("effectivenessRows.incentive"), yesNo(e.incentiveRegulationApproved)],
  ];
  return (
    <Section title={t("effectivenessTitle")} id="effectiveness">
      <p className="mb-3 text-slate-700">{t("effectivenessNote")}</p>
      <KeyValueTable caption={t("effectivenessCaption")} head={[t("retentionIndicator"), t("retentionValue")]} rows={rows} />
      <div className="mt-4">
        {e.growth.length === 0 ? (
          <p>{t("growthNone")}</p>
        ) : (
          <Table caption={t("growthCaption")} head={[t("growthHead.criterion"), t("growthHead.before"), t("growthHead.after"), t("growthHead.change")]}>
            {e.growth.map((g) => (
              <tr key={g.questionId}>
                <Td>{g.text}</Td>
                <Td>{formatDecimal(g.before)}</Td>
                <Td>{formatDecimal(g.after)}</Td>
                <Td>{g.change !== null && g.change > 0 ? `+${formatDecimal(g.change)}` : formatDecimal(g.change)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Section>
  );
}
