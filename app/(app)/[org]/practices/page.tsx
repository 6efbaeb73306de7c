import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PracticeForm } from "@/components/practices/practice-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { listCompletedPairs, listPractices } from "@/lib/practices/queries";
import { optionalParam, readPageParams, TextParam, type RawParams } from "@/lib/http/params";
import { z } from "zod";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("practices");
  return { title: t("title") };
}

const SearchInput = z.object({
  tag: optionalParam(TextParam(200)),
  kind: optionalParam(z.enum(["CASE", "MATERIAL"])),
  scope: optionalParam(z.enum(["own", "district"])),
});

export default async function PracticesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "practices.view");
  const { kind, scope, tag: rawTag } = readPageParams(SearchInput, await searchParams);
  const t = await getTranslations("practices");
  const locale = toLocale(await getLocale());
  const school = ctx.organization.kind === "SCHOOL";
  const tag = rawTag?.trim().slice(0, 40) || undefined;
  const canManage = hasPermission(ctx.roles, "practices.manage");
  const [{ practices, tags }, pairs] = await readPage(ctx, (read) =>
    Promise.all([listPractices(read, { tag, kind, scope }), canManage && school && hasPermission(ctx.roles, "pairs.view") ? listCompletedPairs(read) : Promise.resolve([])]),
  );
  const filtered = Boolean(tag || kind || scope);
  const base = `/${org}`;
  const state = (p: (typeof practices)[number]) =>
    p.own ? [p.sharedWithDistrict ? t("sharedState") : t("privateState"), p.publishedOnSite ? t("publishedState") : null].filter(Boolean).join(", ") : t("sharedState");

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{school ? t("intro") : t("introOffice")}</p>
      </PageHeader>

      <Section title={t("listCaption")} id="list">
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
        {practices.length === 0 ? (
          <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
        ) : (
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
        )}
      </Section>

      {canManage ? (
        <Section title={t("createTitle")} id="create">
          {school && pairs.length === 0 ? (
            <div className="mb-4">
              <Notice kind="info">{t("noCompletedPairs")}</Notice>
            </div>
          ) : null}
          <PracticeForm org={org} pairs={pairs} />
        </Section>
      ) : null}
    </>
  );
}
