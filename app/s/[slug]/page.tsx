import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OfficeSection } from "@/components/publication/office-section";
import { Paragraphs } from "@/components/publication/paragraphs";
import { PublicBlock as Block } from "@/components/publication/public-block";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { excerpt, publicPath } from "@/lib/domain/publication";
import { formatDate, formatDayIn } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { loadOfficePublicSection } from "@/lib/office-site/public";
import { loadPublicSection } from "@/lib/publication/public";
import { visitorSection } from "@/lib/publication/visitor";

export const dynamic = "force-dynamic";

const kb = (size: number | null | undefined) => Math.max(1, Math.round((size ?? 0) / 1024));

/** The «Наставничество» section (seed 002 §6.1.2): programs, mentors, documents, materials, news, contacts. */
export default async function PublicSectionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const visitor = await visitorSection(slug);
  if (!visitor) notFound();
  if (visitor.head.school.kind !== "SCHOOL") {
    // An office's section (decision 060): its documents, council, news, its schools' practices and sections.
    const office = await loadOfficePublicSection(slug, visitor.options);
    if (!office) notFound();
    return <OfficeSection data={office} />;
  }
  const data = await loadPublicSection(slug, visitor.options);
  if (!data) notFound();
  const t = await getTranslations("publicSection");
  const tActs = await getTranslations("acts");
  const locale = toLocale(await getLocale());
  const base = publicPath(data.school.slug);

  const blocks = [
    { id: "programs", title: t("programsTitle") },
    { id: "mentors", title: t("mentorsTitle") },
    { id: "documents", title: t("documentsTitle") },
    { id: "materials", title: t("practicesTitle") },
    { id: "news", title: t("newsTitle") },
    ...(data.section.contacts ? [{ id: "contacts", title: t("contactsTitle") }] : []),
  ];

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold text-slate-900">{t("heading")}</h1>
        {data.section.intro ? (
          <div className="flex max-w-3xl flex-col gap-3 text-slate-800">
            <Paragraphs text={data.section.intro} />
          </div>
        ) : null}
        <nav aria-label={t("pageNav")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {blocks.map((b) => (
              <li key={b.id}>
                <a href={`#${b.id}`} className="text-brand-800 underline hover:no-underline">
                  {b.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <Block id="programs" title={t("programsTitle")}>
        {data.programs.length === 0 ? (
          <p>{t("programsEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {data.programs.map((p) => (
              <li key={p.id} className="rounded-md border border-slate-200 p-4">
                <h3 className="text-lg font-semibold">{p.title}</h3>
                <p className="text-slate-700">{t("programYear", { year: formatAcademicYear(p.academicYear) })}</p>
                <p className="text-slate-700">{p.completed ? t("programCompleted") : t("programStage", { stage: p.stage, title: p.stageTitle })}</p>
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
      </Block>

      <Block id="mentors" title={t("mentorsTitle")}>
        {data.mentors.length === 0 ? (
          <p>{t("mentorsEmpty")}</p>
        ) : (
          <>
            <p className="mb-4 text-slate-700">{t("mentorsIntro")}</p>
            <ul className="grid gap-4 md:grid-cols-2">
              {data.mentors.map((m) => (
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
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Block>

      <Block id="documents" title={t("documentsTitle")}>
        {data.documents.length === 0 ? (
          <p>{t("documentsEmpty")}</p>
        ) : (
          <>
            <p className="mb-4 text-slate-700">{t("documentsIntro")}</p>
            <ul className="flex flex-col gap-4">
              {data.documents.map((d) => (
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
      </Block>

      <Block id="materials" title={t("practicesTitle")}>
        {data.practices.length === 0 ? (
          <p>{t("practicesEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {data.practices.map((p) => (
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
      </Block>

      <Block id="news" title={t("newsTitle")}>
        {data.news.length === 0 ? (
          <p>{t("newsEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {data.news.map((n) => (
              <li key={n.id}>
                <article className="flex flex-col gap-1">
                  <h3 className="text-lg font-semibold">
                    <a href={`${base}/news/${n.id}`} className="text-brand-800 underline hover:no-underline">
                      {n.title}
                    </a>
                  </h3>
                  <p className="text-sm text-slate-700">
                    <time dateTime={n.publishedAt.toISOString()}>{t("publishedOn", { date: formatDayIn(n.publishedAt, data.school.timeZone) })}</time>
                  </p>
                  <p>{excerpt(n.body)}</p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Block>

      {data.section.contacts ? (
        <Block id="contacts" title={t("contactsTitle")}>
          <Paragraphs text={data.section.contacts} />
        </Block>
      ) : null}
    </div>
  );
}
