import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { Paragraphs } from "@/components/publication/paragraphs";
import { excerpt, publicPath } from "@/lib/domain/publication";
import { formatDayIn } from "@/lib/format";
import { loadPublicNews } from "@/lib/publication/public";
import { visitorSection } from "@/lib/publication/visitor";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; newsId: string }> };

// The metadata and the page read the same item once per request.
const publicNews = cache(async (slug: string, newsId: string) => {
  const visitor = await visitorSection(slug);
  return visitor ? loadPublicNews(slug, newsId, visitor.options) : null;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, newsId } = await params;
  const data = await publicNews(slug, newsId);
  if (!data) return {};
  const t = await getTranslations("publicSection");
  const section = t("metaTitle", { school: data.school.shortName ?? data.school.name });
  const title = `${data.news.title} — ${section}`;
  const description = excerpt(data.news.body, 200);
  const url = `${publicPath(data.school.slug)}/news/${data.news.id}`;
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", locale: "ru_RU", siteName: data.school.name, title: data.news.title, description, url, publishedTime: data.news.publishedAt.toISOString() },
  };
}

/** One news item of the public section. */
export default async function PublicNewsPage({ params }: Params) {
  const { slug, newsId } = await params;
  const data = await publicNews(slug, newsId);
  if (!data) notFound();
  const t = await getTranslations("publicSection");
  return (
    <article className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <p>
        <a href={publicPath(data.school.slug)} className="text-brand-800 underline hover:no-underline">
          {t("backToSection")}
        </a>
      </p>
      <h1 className="text-3xl font-bold text-slate-900">{data.news.title}</h1>
      <p className="text-sm text-slate-700">
        <time dateTime={data.news.publishedAt.toISOString()}>{t("publishedOn", { date: formatDayIn(data.news.publishedAt, data.school.timeZone) })}</time>
      </p>
      <div className="flex max-w-3xl flex-col gap-3">
        <Paragraphs text={data.news.body} />
      </div>
    </article>
  );
}
