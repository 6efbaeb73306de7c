import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FromTemplateForm, ProgramForm } from "@/components/pairs/program-form";
import { PlanItemForm } from "@/components/pairs/program-item-form";
import { PlanItemCells, ProgramApproval, ProgramReadOnly, ProgramSchedule } from "@/components/pairs/program-sections";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { defaultPeriod, programLengthValues, templateFor, templateWorkingMode, type WorkingMode } from "@/lib/domain/personal-programs";
import type { AppLocale } from "@/lib/i18n/config";
import { participantDetails, type ParticipantParts } from "@/lib/pairs/participant";
import { deletePlanItem } from "@/lib/pairs/personal-program-actions";
import type { getPairProgram } from "@/lib/pairs/work-queries";
import { PdfLink } from "@/components/documents/pdf-link";

// The personalized program's page body, one for a school pair (app/(app)/[org]/pairs/[pairId]/program) and for a
// cross-school pair as its owner, the mentee's school, sees it (app/(app)/[org]/cross-pairs/[crossPairId]/program,
// decision 062): the same editor, approval, schedule and document.

const day = (d: Date) => d.toISOString().slice(0, 10);

type ProgramData = NonNullable<Awaited<ReturnType<typeof getPairProgram>>>;

export async function ProgramEditor({
  org,
  data,
  base,
  meetingsHref,
  today,
  locale,
}: {
  org: string;
  data: ProgramData;
  /** The pair's page: its program page and document hang under it. */
  base: string;
  meetingsHref: string;
  /** The school's today (the suggested period starts there). */
  today: Date;
  locale: AppLocale;
}) {
  const { pair, program, schedule, canEdit, canApprove, difficultyOptions } = data;
  const t = await getTranslations("personalProgram");
  const tv = await getTranslations("vocabulary");
  const closed = !["PROPOSED", "APPROVED", "ACTIVE"].includes(pair.status);
  const template = templateFor(pair.form, pair.type);
  const period = program ? { min: day(program.startsOn), max: day(program.endsOn) } : null;
  const suggested = defaultPeriod(pair, today);
  const lengthValues = programLengthValues(pair.type);
  const names = (list: ({ name: string } & ParticipantParts)[]) =>
    list
      .map((p) => {
        const details = participantDetails(t, p);
        return details ? `${p.name} (${details})` : p.name;
      })
      .join(", ");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>
          {t("mentor")}: {names([pair.mentor])} · {pair.isGroup ? t("menteesMany") : t("menteesOne")}: {names(pair.mentees)}
        </p>
        <p>
          {data.cross ? data.cross.mentorSchool : `${tv(`mentoringForm.${pair.form}`)} · ${tv(`mentoringType.${pair.type}`)}`} · {t(`pairStatuses.${pair.status}`)}
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={base} className="text-brand-700 underline">
            {t("backToPair")}
          </Link>
          <Link href={meetingsHref} className="text-brand-700 underline">
            {t("meetingsLink")}
          </Link>
          {program ? (
            <>
              <a href={`${base}/program/docx`} className="text-brand-700 underline" download>
                {t("download")}
              </a>
              <PdfLink href={`${base}/program/docx`}>{t("downloadPdf")}</PdfLink>
            </>
          ) : null}
        </p>
      </PageHeader>

      {data.awaitingApproval ? (
        <div className="mb-6">
          <Notice kind="info">{t("awaitingApproval")}</Notice>
        </div>
      ) : null}
      {closed ? (
        <div className="mb-6">
          <Notice kind="info">{t("readOnlyClosed")}</Notice>
        </div>
      ) : null}

      {program ? <ProgramApproval org={org} pairId={pair.id} program={program} canApprove={canApprove} canEdit={canEdit} locale={locale} /> : null}

      <Section title={t("programTitle")} id="program">
        {canEdit ? (
          <ProgramForm
            // Remounted once the program exists (written or filled from the template): the form shows its values.
            key={program?.id ?? "new"}
            org={org}
            pairId={pair.id}
            exists={Boolean(program)}
            lengthValues={lengthValues}
            difficultyOptions={Object.fromEntries(difficultyOptions.map((d) => [d, tv(`difficulty.${d}`)]))}
            values={
              program
                ? {
                    startsOn: day(program.startsOn),
                    endsOn: day(program.endsOn),
                    direction: program.direction,
                    goals: program.goals,
                    tasks: program.tasks ?? "",
                    workingMode: (program.workingMode as WorkingMode | null) ?? templateWorkingMode(pair.type),
                    difficulties: program.difficulties,
                    intermediateResults: program.intermediateResults ?? "",
                    expectedResults: program.expectedResults,
                    achievedResults: program.achievedResults ?? "",
                  }
                : {
                    startsOn: day(suggested.startsOn),
                    endsOn: day(suggested.endsOn),
                    direction: pair.direction ?? "",
                    goals: "",
                    tasks: "",
                    workingMode: templateWorkingMode(pair.type),
                    difficulties: [],
                    intermediateResults: "",
                    expectedResults: "",
                    achievedResults: "",
                  }
            }
          />
        ) : program ? (
          <ProgramReadOnly program={program} locale={locale} />
        ) : (
          <p>{data.awaitingApproval ? t("awaitingApproval") : t("noProgram")}</p>
        )}
      </Section>

      {canEdit ? (
        // Mounted whenever the user may edit, so that its confirmation outlives the form it replaces.
        <FromTemplateForm
          org={org}
          pairId={pair.id}
          open={!program || program.items.length === 0}
          sectionTitle={t("templateTitle")}
          templateTitle={t(`templateNames.${template.key}`)}
          itemsCount={template.items.length}
          period={program ? null : { startsOn: day(suggested.startsOn), endsOn: day(suggested.endsOn) }}
          lengthValues={lengthValues}
        />
      ) : null}

      <Section title={t("planTitle")} id="plan">
        {!program || program.items.length === 0 ? (
          <p className="mb-3">{t("noItems")}</p>
        ) : (
          <Table caption={t("planCaption")} head={[t("number"), t("itemTitle"), t("dueOn"), t("itemStatus"), t("itemResult"), ...(canEdit ? [t("actions")] : [])]}>
            {program.items.map((item, i) => (
              <tr key={item.id}>
                <PlanItemCells number={i + 1} item={item} status={t(`itemStatuses.${item.status}`)} locale={locale} />
                {canEdit && period ? (
                  <Td>
                    <details className="min-w-64">
                      <summary className="cursor-pointer text-brand-700 underline">
                        {t("editItem")}
                        <span className="sr-only">: {item.title}</span>
                      </summary>
                      <div className="mt-2 flex flex-col gap-3">
                        <PlanItemForm
                          org={org}
                          pairId={pair.id}
                          period={period}
                          label={t("editItemLabel", { number: i + 1 })}
                          initial={{ itemId: item.id, title: item.title, dueOn: day(item.dueOn), status: item.status, result: item.result }}
                        />
                        <ActionButton
                          action={deletePlanItem}
                          input={{ org, pairId: pair.id, itemId: item.id }}
                          label={t("deleteItem")}
                          confirm={t("deleteItemConfirm")}
                          done={t("itemDeleted")}
                          variant="danger"
                        />
                      </div>
                    </details>
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
        {canEdit && period ? (
          <div className="mt-4">
            <h3 className="mb-2 font-semibold">{t("addItemTitle")}</h3>
            <PlanItemForm org={org} pairId={pair.id} period={period} label={t("addItemTitle")} />
          </div>
        ) : canEdit ? (
          <p className="text-sm text-slate-700">{t("itemsAfterProgram")}</p>
        ) : null}
      </Section>

      <ProgramSchedule org={org} pairId={pair.id} schedule={schedule} period={period} isGroup={pair.isGroup} canEdit={canEdit} locale={locale} />
    </>
  );
}
