import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Paragraphs } from "@/components/publication/paragraphs";
import { PublicBlock } from "@/components/publication/public-block";
import { excerpt } from "@/lib/domain/publication";
import { formatDayIn } from "@/lib/format";

export type PublicBlockLink = { id: string; title: string };

/**
 * The frame every public «Наставничество» section shares, a school's and an office's alike (decision 060): the heading,
 * the intro, the table of contents linking the blocks, the blocks themselves and the contacts last. The low-vision
 * version styles the same markup (app/s/[slug]/layout.tsx), so both kinds of section get it from here.
 */
export async function PublicSectionLayout({
  intro,
  contacts,
  blocks,
  children,
}: {
  intro: string | null | undefined;
  contacts: string | null | undefined;
  /** The blocks in their order; the contacts are added to the table of contents when there are any. */
  blocks: PublicBlockLink[];
  children: ReactNode;
}) {
  const t = await getTranslations("publicSection");
  const links = [...blocks, ...(contacts ? [{ id: "contacts", title: t("contactsTitle") }] : [])];
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold text-slate-900">{t("heading")}</h1>
        {intro ? (
          <div className="flex max-w-3xl flex-col gap-3 text-slate-800">
            <Paragraphs text={intro} />
          </div>
        ) : null}
        <nav aria-label={t("pageNav")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {links.map((b) => (
              <li key={b.id}>
                <a href={`#${b.id}`} className="text-brand-800 underline hover:no-underline">
                  {b.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      {children}

      {contacts ? (
        <PublicBlock id="contacts" title={t("contactsTitle")}>
          <Paragraphs text={contacts} />
        </PublicBlock>
      ) : null}
    </div>
  );
}

type NewsItem = { id: string; title: string; body: string; publishedAt: Date };

/** The news block of a public section: each item's title links to its own page under the section's path. */
export async function PublicNewsBlock({ news, base, timeZone }: { news: NewsItem[]; base: string; timeZone: string }) {
  const t = await getTranslations("publicSection");
  return (
    <PublicBlock id="news" title={t("newsTitle")}>
      {news.length === 0 ? (
        <p>{t("newsEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {news.map((n) => (
            <li key={n.id}>
              <article className="flex flex-col gap-1">
                <h3 className="text-lg font-semibold">
                  <a href={`${base}/news/${n.id}`} className="text-brand-800 underline hover:no-underline">
                    {n.title}
                  </a>
                </h3>
                <p className="text-sm text-slate-700">
                  <time dateTime={n.publishedAt.toISOString()}>{t("publishedOn", { date: formatDayIn(n.publishedAt, timeZone) })}</time>
                </p>
                <p>{excerpt(n.body)}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </PublicBlock>
  );
}
