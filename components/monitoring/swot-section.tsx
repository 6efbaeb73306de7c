import { getTranslations } from "next-intl/server";
import { SwotForm } from "@/components/monitoring/swot-form";
import { SwotTable } from "@/components/monitoring/swot-table";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { SWOT_QUADRANTS, type Swot, type SwotLine } from "@/lib/domain/swot";
import type { ProgramSwot } from "@/lib/monitoring/swot";

/** One form of mentoring on the SWOT page (decision 049): its computed lines worded in the reader's language, the curator's own, the participants' suggestions and, while the program runs, the curator's form. */
export async function SwotFormSection({ swot: f, org, programId, editable }: { swot: ProgramSwot["forms"][number]; org: string; programId: string; editable: boolean }) {
  const t = await getTranslations("swot");
  const tv = await getTranslations("vocabulary");
  const title = tv(`mentoringForm.${f.form}`);
  const text = (line: SwotLine) => t(`lines.${line.key}`, line.values);
  const computed = Object.fromEntries(SWOT_QUADRANTS.map((q) => [q, f.computed[q].map(text)])) as Swot;
  const quadrants = Object.fromEntries(SWOT_QUADRANTS.map((q) => [q, t(`quadrants.${q}`)])) as Record<(typeof SWOT_QUADRANTS)[number], string>;
  return (
    <Section title={title} id={`form-${f.form}`}>
      <p className="mb-3 text-sm text-slate-700">{t("basis", { pairs: f.pairs, answered: f.answered, asked: f.asked })}</p>
      {f.asked === 0 ? <Notice kind="info">{t("noAnswers")}</Notice> : null}
      <SwotTable computed={computed} notes={f.notes} labels={{ caption: t("caption", { form: title }), side: "SWOT", computed: t("computed"), own: t("own"), none: t("none"), quadrants }} />
      {f.suggestions.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm">{t("suggestionsTitle", { count: f.suggestions.length })}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {f.suggestions.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {editable ? (
        <div className="mt-4">
          <h3 className="mb-2 font-medium">{t("editTitle", { form: title })}</h3>
          <SwotForm org={org} programId={programId} form={f.form} formTitle={title} notes={f.notes} />
        </div>
      ) : null}
    </Section>
  );
}
