import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { KeyValueTable } from "@/components/ui/table";
import type { PartnerShare } from "@/lib/domain/partners";
import { formatPercent } from "@/lib/format";

/**
 * The passport indicator «доля организаций-партнёров, предоставивших наставников» (decision 061): the
 * organization's own register, and for an office the sum over its schools (aggregates only).
 */
export async function PartnerIndicator({ own, schools }: { own: PartnerShare; schools: (PartnerShare & { count: number }) | null }) {
  const t = await getTranslations("partners");
  const value = (s: PartnerShare) => t("shareValue", { providing: s.providing, partners: s.partners, share: formatPercent(s.share) });
  const rows: [string, string][] = [[schools ? t("indicatorOffice") : t("indicatorOwn"), value(own)]];
  if (schools) rows.push([t("indicatorSchools", { count: schools.count }), value(schools)]);
  return (
    <Section title={t("indicatorTitle")} id="indicator">
      <KeyValueTable caption={t("indicatorTitle")} head={[t("indicatorColumn"), t("valueColumn")]} rows={rows} />
    </Section>
  );
}
