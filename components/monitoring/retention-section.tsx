import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { KeyValueTable } from "@/components/ui/table";
import type { YoungRetention } from "@/lib/domain/retention";
import { formatPercent } from "@/lib/format";

/** The school dashboard's young specialists' retention (issue #16 item 4): a summary line and the figures as a table. */
export async function RetentionSection({ retention: r }: { retention: YoungRetention }) {
  const t = await getTranslations("schoolMonitoring");
  const tv = await getTranslations("vocabulary");
  const rows: [string, string | number][] = [
    [t("retentionRows.young"), r.young],
    [t("retentionRows.mentored"), r.mentored],
    [t("retentionRows.stayed"), r.mentoredStayed],
    [t("retentionRows.share"), formatPercent(r.retainedShare)],
    [t("retentionRows.leftMentored"), r.left.mentored],
    [t("retentionRows.leftNotMentored"), r.left.notMentored],
    [t("retentionRows.reasons"), r.left.byReason.map((b) => `${tv(`leaveReason.${b.reason}`)} — ${b.count}`).join("; ") || "—"],
    [t("retentionRows.hired"), r.hired],
    [t("retentionRows.hiredMentored"), r.hiredMentored],
  ];
  return (
    <Section title={t("retentionTitle")} id="retention">
      <p className="mb-2 text-slate-700">{t("retentionNote")}</p>
      <p className="mb-3">{t("retentionSummary", { mentored: r.mentored, young: r.young, stayed: r.mentoredStayed, share: formatPercent(r.retainedShare) })}</p>
      <KeyValueTable caption={t("retentionCaption")} head={[t("retentionIndicator"), t("retentionValue")]} rows={rows} />
    </Section>
  );
}
