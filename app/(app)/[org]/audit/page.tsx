import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { CONTROL } from "@/components/ui/field";
import { FILTER_LABEL, FilterSelect, ListFound, ListSearchForm, sortableHead } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { AuditSearchInput, listAuditPage } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

function describe(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return Object.entries(data as Record<string, unknown>)
    .filter(([key]) => key !== "userId")
    .map(([, value]) => String(value))
    .join(", ");
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "audit.view");
  const { search, ignored } = readListParams(AuditSearchInput, await searchParams);
  const t = await getTranslations();
  const list = await listAuditPage(ctx, search);
  // Message keys cannot contain dots: "members.invite" is stored as "members_invite".
  const label = (action: string) => {
    const key = `audit.actions.${action.replaceAll(".", "_")}` as never;
    return t.has(key) ? t(key) : action;
  };
  const filtered = Boolean(search.q || search.action || search.from || search.to);
  const href = (changes: Record<string, string | number>) =>
    listHref(`/${org}/audit`, { q: search.q, action: search.action, from: search.from, to: search.to, sort: search.sort, page: list.page }, changes, "#audit");
  const { head, sorted } = sortableHead(
    [{ label: t("audit.when"), sort: "time" }, { label: t("audit.who") }, { label: t("audit.what") }, { label: t("audit.details") }],
    sortOf(search.sort, "-time"),
    (sort) => href({ sort }),
  );
  const date = (name: "from" | "to") => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`audit-${name}`} className={FILTER_LABEL}>
        {t(`audit.${name}`)}
      </label>
      <input id={`audit-${name}`} name={name} type="date" defaultValue={search[name] ?? ""} className={CONTROL} />
    </div>
  );
  return (
    <>
      <PageHeader title={t("audit.title")}>
        <p>{t("audit.intro")}</p>
      </PageHeader>
      <Section title={t("audit.caption")} id="audit">
        <ListSearchForm action={`/${org}/audit`} id="audit" title={t("audit.searchTitle")} q={search.q} qLabel={t("audit.searchWho")} sort={search.sort} resetHref={`/${org}/audit#audit`}>
          <FilterSelect id="audit-action" name="action" label={t("audit.what")} value={search.action} any={t("audit.actionAny")} options={list.actions.map((a) => ({ value: a, label: label(a) }))} />
          {date("from")}
          {date("to")}
        </ListSearchForm>
        <ListFound total={list.total} ignored={ignored} />
        {list.rows.length === 0 ? (
          <p>{filtered ? t("audit.searchNone") : t("audit.empty")}</p>
        ) : (
          <Table caption={t("audit.caption")} head={head} sorted={sorted}>
            {list.rows.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">{formatDateTime(e.createdAt, ctx.organization.timeZone)}</Td>
                <Td>{e.actor?.name ?? t("audit.system")}</Td>
                <Td>{label(e.action)}</Td>
                <Td>{describe(e.data)}</Td>
              </tr>
            ))}
          </Table>
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
    </>
  );
}
