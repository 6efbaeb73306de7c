import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * «Показано 1–15 из 35» and the previous / next links of a list shown a page at a time (a server
 * component: plain links, nothing to hydrate). `href(page)` keeps the list's filters.
 */
export async function Pager({ page, pages, from, to, total, href }: { page: number; pages: number; from: number; to: number; total: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("pages");
  return (
    <nav aria-label={t("listPages")} className="mt-3 flex flex-wrap items-center gap-4 text-sm">
      <span>{t("listShown", { from: from + 1, to, total })}</span>
      {page > 1 ? (
        <Link href={href(page - 1)} className="link">
          {t("listPrev")}
        </Link>
      ) : null}
      <span>{t("listPage", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="link">
          {t("listNext")}
        </Link>
      ) : null}
    </nav>
  );
}
