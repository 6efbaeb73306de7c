import { getLocale, getTranslations } from "next-intl/server";
import { Paragraphs } from "@/components/publication/paragraphs";
import { PublicBlock } from "@/components/publication/public-block";
import { PublicNewsBlock, PublicSectionLayout } from "@/components/publication/public-section-layout";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { publicPath } from "@/lib/domain/publication";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { PublicSectionData } from "@/lib/publication/public";

const kb = (size: number | null | undefined) => Math.max(1, Math.round((size ?? 0) / 1024));

/** The «Наставничество» section of a school (seed 002 §6.1.2): programs, mentors, documents, materials, news, contacts. */
export async function SchoolSection({ data }: { data: PublicSectionData }) {
  const t = await getTranslations("publicSection");
  const base = publicPath(data.school.slug);
  const blocks = [
    { id: "programs", title: t("programsTitle") },
    { id: "mentors", title: t("mentorsTitle") },
    { id: "documents", title: t("documentsTitle") },
    { id: "materials", title: t("practicesTitle") },
    { id: "news", title: t("newsTitle") },
  ];
  return (
    <PublicSectionLayout intro={data.section.intro} contacts={data.section.contacts} blocks={blocks}>
      <SchoolProgramsBlock programs={data.programs} />
      <SchoolMentorsBlock mentors={data.mentors} />
      <SchoolDocumentsBlock documents={data.documents} base={base} />
      <SchoolPracticesBlock practices={data.practices} base={base} />
      <PublicNewsBlock news={data.news} base={base} timeZone={data.school.timeZone} />
    </PublicSectionLayout>
  );
}

async function SchoolProgramsBlock({ programs }: { programs: PublicSectionData["programs"] }) {
  const t = await getTranslations("publicSection");
  const ts = await getTranslations("stages");
  return (
    <PublicBlock id="programs" title={t("programsTitle")}>
      {programs.length === 0 ? (
        <p>{t("programsEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {programs.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-4">
              <h3 className="text-lg font-semibold">{p.title}</h3>
              <p className="text-slate-700">{t("programYear", { year: formatAcademicYear(p.academicYear) })}</p>
              <p className="text-slate-700">{p.completed ? t("programCompleted") : t("programStage", { stage: p.stage, title: ts(`title${p.stage}` as "title1") })}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-slate-700">{t("pairsCount")}</dt>
                <dd className="font-semibold">{p.pairs}</dd>
                <dt className="text-slate-700">{t("mentorsCount")}</dt>
                <dd className="font-semibold">{p.mentors}</dd>
                <dt className="text-slate-700">{t("personalProgramsCount")}</dt>
                <dd className="font-semibold">{p.personalPrograms}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </PublicBlock>
  );
}

async function SchoolMentorsBlock({ mentors }: { mentors: PublicSectionData["mentors"] }) {
  const t = await getTranslations("publicSection");
  const tv = await getTranslations("vocabulary");
  return (
    <PublicBlock id="mentors" title={t("mentorsTitle")}>
      {mentors.length === 0 ? (
        <p>{t("mentorsEmpty")}</p>
      ) : (
        <>
          <p className="mb-4 text-slate-700">{t("mentorsIntro")}</p>
          <ul className="grid gap-4 md:grid-cols-2">
            {mentors.map((m) => (
              <li key={m.id} className="rounded-md border border-slate-200 p-4">
                <h3 className="text-lg font-semibold">{m.name}</h3>
                {m.position ? <p className="text-slate-700">{m.position}</p> : null}
                {m.subjects.length ? (
                  <p className="mt-1">
                    <span className="font-medium">{t("subjects")}</span> {m.subjects.join(", ")}
                  </p>
                ) : null}
                {m.competencies.length ? (
                  <div className="mt-1">
                    <p className="font-medium">{t("competencies")}</p>
                    <ul className="list-disc pl-5">
                      {m.competencies.map((c) => (
                        <li key={c}>{tv(`competency.${c}`)}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </PublicBlock>
  );
}

async function SchoolDocumentsBlock({ documents, base }: { documents: PublicSectionData["documents"]; base: string }) {
  const t = await getTranslations("publicSection");
  const tActs = await getTranslations("acts");
  const locale = toLocale(await getLocale());
  return (
    <PublicBlock id="documents" title={t("documentsTitle")}>
      {documents.length === 0 ? (
        <p>{t("documentsEmpty")}</p>
      ) : (
        <>
          <p className="mb-4 text-slate-700">{t("documentsIntro")}</p>
          <ul className="flex flex-col gap-4">
            {documents.map((d) => (
              <li key={d.id} className="flex flex-col gap-1 border-b border-slate-200 pb-3 last:border-b-0">
                <p className="font-semibold">{d.title}</p>
                <p className="text-sm text-slate-700">
                  {tActs(`kinds.${d.kind}`)}
                  {d.number && d.date
                    ? `, ${t("actNumberDate", { number: d.number, date: formatDate(d.date, locale) })}`
                    : d.date
                      ? `, ${t("actDate", { date: formatDate(d.date, locale) })}`
                      : ""}
                </p>
                {d.file ? (
                  <a href={`${base}/documents/${d.id}`} className="self-start text-brand-800 underline hover:no-underline">
                    {t("download", { name: d.file.name, size: kb(d.file.size) })}
                  </a>
                ) : (
                  <p className="text-sm text-slate-700">{t("noFile")}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </PublicBlock>
  );
}

async function SchoolPracticesBlock({ practices, base }: { practices: PublicSectionData["practices"]; base: string }) {
  const t = await getTranslations("publicSection");
  return (
    <PublicBlock id="materials" title={t("practicesTitle")}>
      {practices.length === 0 ? (
        <p>{t("practicesEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {practices.map((p) => (
            <li key={p.id}>
              <article className="flex flex-col gap-2 rounded-md border border-slate-200 p-4">
                <h3 className="text-lg font-semibold">{p.title}</h3>
                <p className="text-sm text-slate-700">{t(`practiceKinds.${p.kind}`)}</p>
                <Paragraphs text={p.summary} />
                {p.body?.trim() ? (
                  <details>
                    <summary className="cursor-pointer text-brand-800 underline">{t("readMore")}</summary>
                    <div className="mt-2 flex flex-col gap-2">
                      <Paragraphs text={p.body} />
                    </div>
                  </details>
                ) : null}
                {p.file ? (
                  <a href={`${base}/practices/${p.id}`} className="self-start text-brand-800 underline hover:no-underline">
                    {t("downloadShort", { name: p.file.name })}
                  </a>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </PublicBlock>
  );
}
