import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { getPractice } from "@/lib/practices/queries";

// The parts of a practice's page (app/(app)/[org]/practices/[practiceId]/page.tsx), which reads the practice once.

type PracticeView = NonNullable<Awaited<ReturnType<typeof getPractice>>>;

/** The practice's title, kind, school, author, year and date, with the way back to the list. */
export async function PracticeHeader({ practice, org, locale }: { practice: PracticeView; org: string; locale: AppLocale }) {
  const t = await getTranslations("practices");
  return (
    <PageHeader title={practice.title}>
      <p>
        {t(`kinds.${practice.kind}`)} · {t("school")}: {practice.own ? t("ownSchool") : practice.school}
        {practice.author ? ` · ${t("author")}: ${practice.author}` : ""}
        {practice.academicYear ? ` · ${t("academicYear", { year: formatAcademicYear(practice.academicYear) })}` : ""} · {t("added", { date: formatDate(practice.createdAt, locale) })}
      </p>
      <p>
        <Link href={`/${org}/practices`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </PageHeader>
  );
}

/** The practice's summary, the pair it comes from and its tags, each a link to the list filtered by it. */
export async function PracticeSummarySection({ practice, org }: { practice: PracticeView; org: string }) {
  const t = await getTranslations("practices");
  const tv = await getTranslations("vocabulary");
  return (
    <Section title={t("summary")} id="summary">
      <p className="whitespace-pre-line">{practice.summary}</p>
      {practice.pair ? <p className="mt-2 text-sm text-slate-700">{t("fromPair", { form: tv(`mentoringForm.${practice.pair.form}`) })}</p> : null}
      {practice.tags.length ? (
        <ul className="mt-3 flex flex-wrap gap-1" aria-label={t("tags")}>
          {practice.tags.map((tg) => (
            <li key={tg}>
              <Link href={`/${org}/practices?tag=${encodeURIComponent(tg)}`} className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-900 underline">
                {tg}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
