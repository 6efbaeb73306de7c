import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlanItemCells, ProgramApproval, ProgramReadOnly, ProgramSchedule } from "@/components/pairs/program-sections";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import type { CrossPairPlan, crossSchedule } from "@/lib/cross-pairs/program";
import type { CrossPairView } from "@/lib/cross-pairs/queries";
import type { AppLocale } from "@/lib/i18n/config";

/**
 * A cross-school pair's program as the mentor's school reads it (decision 062): the plan, its approval by the
 * mentee's school, the plan items and the meeting schedule — no difficulties (the data has none), nothing to edit.
 */
export async function CrossPlanReadOnly({
  pair,
  plan,
  schedule,
  base,
  locale,
}: {
  pair: CrossPairView;
  plan: CrossPairPlan | null;
  schedule: ReturnType<typeof crossSchedule> | null;
  base: string;
  locale: AppLocale;
}) {
  const t = await getTranslations("personalProgram");
  const tc = await getTranslations("crossPrograms");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>
          {t("mentor")}: {pair.mentor.name} · {t("menteesOne")}: {pair.mentee.name} ({pair.menteeSchool})
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={base} className="text-brand-700 underline">
            {t("backToPair")}
          </Link>
        </p>
        <p className="text-sm text-slate-700">{tc("mentorSchoolReads", { school: pair.menteeSchool })}</p>
      </PageHeader>
      {plan ? (
        <>
          <ProgramApproval org="" pairId={pair.id} program={plan} canApprove={false} canEdit={false} locale={locale} />
          <Section title={t("programTitle")} id="program">
            <ProgramReadOnly program={plan} locale={locale} />
          </Section>
          <Section title={t("planTitle")} id="plan">
            {plan.items.length === 0 ? (
              <p>{t("noItems")}</p>
            ) : (
              <Table caption={t("planCaption")} head={[t("number"), t("itemTitle"), t("dueOn"), t("itemStatus"), t("itemResult")]}>
                {plan.items.map((item, i) => (
                  <tr key={item.id}>
                    <PlanItemCells number={i + 1} item={item} status={t(`itemStatuses.${item.status}`)} locale={locale} />
                  </tr>
                ))}
              </Table>
            )}
          </Section>
          {schedule ? <ProgramSchedule org="" pairId={pair.id} schedule={schedule} period={null} isGroup={false} canEdit={false} locale={locale} /> : null}
        </>
      ) : (
        <Section title={t("programTitle")} id="program">
          <p>{tc("noProgramYet", { school: pair.menteeSchool })}</p>
        </Section>
      )}
    </>
  );
}
