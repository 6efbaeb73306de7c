import { getTranslations } from "next-intl/server";
import { DistrictCouncilSlot } from "@/components/publication/council-slot";
import { Paragraphs } from "@/components/publication/paragraphs";
import { PublicBlock } from "@/components/publication/public-block";
import { PublicNewsBlock, PublicSectionLayout } from "@/components/publication/public-section-layout";
import { publicPath } from "@/lib/domain/publication";
import { formatDate } from "@/lib/format";
import type { OfficePublicSection } from "@/lib/office-site/public";

const kb = (size: number) => Math.max(1, Math.round(size / 1024));

/**
 * The public «Наставничество» section of a municipal office (issue #17 item 5, decision 060): its documents, the
 * council of mentors, its news, the best practices its schools published, and its schools with published sections.
 */
export async function OfficeSection({ data }: { data: OfficePublicSection }) {
  const t = await getTranslations("officePublic");
  const tp = await getTranslations("publicSection");
  const base = publicPath(data.office.slug);
  const blocks = [
    { id: "documents", title: t("documentsTitle") },
    { id: "council", title: t("councilTitle") },
    { id: "news", title: tp("newsTitle") },
    { id: "practices", title: t("practicesTitle") },
    { id: "schools", title: t("schoolsTitle") },
  ];
  return (
    <PublicSectionLayout intro={data.section.intro} contacts={data.section.contacts} blocks={blocks}>
      <PublicBlock id="documents" title={t("documentsTitle")}>
        {data.documents.length === 0 ? (
          <p>{t("documentsEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {data.documents.map((d) => (
              <li key={d.id} className="flex flex-col gap-1 border-b border-slate-200 pb-3 last:border-b-0">
                <p className="font-semibold">{d.title}</p>
                <p className="text-sm text-slate-700">
                  {t(`documentKinds.${d.kind}`)}, {d.number ? tp("actNumberDate", { number: d.number, date: formatDate(d.issuedOn) }) : tp("actDate", { date: formatDate(d.issuedOn) })}
                </p>
                <a href={`${base}/files/${d.id}`} className="self-start text-brand-800 underline hover:no-underline">
                  {tp("download", { name: d.fileName, size: kb(d.fileSize) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </PublicBlock>

      <PublicBlock id="council" title={t("councilTitle")}>
        <DistrictCouncilSlot communities={data.council} />
      </PublicBlock>

      <PublicNewsBlock news={data.news} base={base} timeZone={data.office.timeZone} />

      <PublicBlock id="practices" title={t("practicesTitle")}>
        {data.practices.length === 0 ? (
          <p>{t("practicesEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {data.practices.map((p) => (
              <li key={p.id}>
                <article className="flex flex-col gap-2 rounded-md border border-slate-200 p-4">
                  <h3 className="text-lg font-semibold">{p.title}</h3>
                  <p className="text-sm text-slate-700">
                    {tp(`practiceKinds.${p.kind}`)} · {p.school.name}
                  </p>
                  <Paragraphs text={p.summary} />
                  <p className="flex flex-wrap gap-x-4">
                    <a href={`${publicPath(p.school.slug)}#materials`} className="text-brand-800 underline hover:no-underline">
                      {t("practiceSchoolLink", { school: p.school.name })}
                    </a>
                    {p.hasFile ? (
                      <a href={`${publicPath(p.school.slug)}/practices/${p.id}`} className="text-brand-800 underline hover:no-underline">
                        {t("practiceFile", { title: p.title })}
                      </a>
                    ) : null}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </PublicBlock>

      <PublicBlock id="schools" title={t("schoolsTitle")}>
        {data.schools.length === 0 ? (
          <p>{t("schoolsEmpty")}</p>
        ) : (
          <>
            <p className="mb-3 text-slate-700">{t("schoolsIntro")}</p>
            <ul className="flex list-disc flex-col gap-2 pl-5" data-testid="office-schools">
              {data.schools.map((s) => (
                <li key={s.slug}>
                  <a href={publicPath(s.slug)} className="text-brand-800 underline hover:no-underline">
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </PublicBlock>
    </PublicSectionLayout>
  );
}
