import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { listPractices } from "@/lib/practices/queries";

// The parts of the practices page (app/(app)/[org]/practices/page.tsx), which reads the list once.

type Practice = Awaited<ReturnType<typeof listPractices>>["practices"][number];

/** The filters by tag, kind and scope: a plain GET form, it works without JavaScript. */
export async function PracticeFilters({ tags, tag, kind, scope }: { tags: string[]; tag: string | undefined; kind: string | undefined; scope: string | undefined }) {
  const t = await getTranslations("practices");
  return (
    <form method="get" aria-label={t("filterTitle")} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="f-tag" className="text-sm font-medium">
          {t("tag")}
        </label>
        <select id="f-tag" name="tag" defaultValue={tag ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2">
          <option value="">{t("allTags")}</option>
          {tags.map((tg) => (
            <option key={tg} value={tg}>
              {tg}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-kind" className="text-sm font-medium">
          {t("kind")}
        </label>
        <select id="f-kind" name="kind" defaultValue={kind ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2">
          <option value="">{t("allKinds")}</option>
          <option value="CASE">{t("kinds.CASE")}</option>
          <option value="MATERIAL">{t("kinds.MATERIAL")}</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-scope" className="text-sm font-medium">
          {t("scope")}
        </label>
        <select id="f-scope" name="scope" defaultValue={scope ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2">
          <option value="">{t("scopes.all")}</option>
          <option value="own">{t("scopes.own")}</option>
          <option value="district">{t("scopes.district")}</option>
        </select>
      </div>
      <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
        {t("apply")}
      </button>
    </form>
  );
}

/** The practices found: title and summary, kind, school, tags (each a filter link), state and date. */
export async function PracticeTable({ practices, base, locale }: { practices: Practice[]; base: string; locale: AppLocale }) {
  const t = await getTranslations("practices");
  const state = (p: Practice) =>
    p.own ? [p.sharedWithDistrict ? t("sharedState") : t("privateState"), p.publishedOnSite ? t("publishedState") : null].filter(Boolean).join(", ") : t("sharedState");
  return (
    <Table caption={t("listCaption")} head={[t("columns.title"), t("columns.kind"), t("columns.school"), t("columns.tags"), t("columns.state"), t("columns.date")]}>
      {practices.map((p) => (
        <tr key={p.id}>
          <Td>
            <Link href={`${base}/practices/${p.id}`} className="font-medium text-brand-700 underline">
              {p.title}
            </Link>
            <p className="text-sm text-slate-700">{p.summary}</p>
          </Td>
          <Td>{t(`kinds.${p.kind}`)}</Td>
          <Td>{p.own ? t("ownSchool") : p.school}</Td>
          <Td>
            <ul className="flex flex-wrap gap-1">
              {p.tags.map((tg) => (
                <li key={tg}>
                  <Link href={`${base}/practices?tag=${encodeURIComponent(tg)}`} className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-900 underline">
                    {tg}
                  </Link>
                </li>
              ))}
            </ul>
          </Td>
          <Td>{state(p)}</Td>
          <Td className="whitespace-nowrap">{formatDate(p.createdAt, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}
