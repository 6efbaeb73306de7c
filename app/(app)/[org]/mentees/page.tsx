import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MenteeBankTable } from "@/components/banks/bank-tables";
import { AddMenteeForm } from "@/components/banks/mentee-forms";
import { SelectedApproval } from "@/components/banks/selected-approval";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { bankCandidates, listMentees, listMenteesPage, MenteeBankSearchInput } from "@/lib/banks/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { FilterSelect, ListFound, ListSearchForm, sortableHead } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { fullName } from "@/lib/domain/names";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("menteesTitle") };
}

const STATUSES = ["WAITING", "PAIRED", "LEFT"] as const;

export default async function MenteesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const { search, ignored } = readListParams(MenteeBankSearchInput, await searchParams);
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const locale = toLocale(await getLocale());
  const manage = hasPermission(ctx.roles, "banks.manage");
  const approves = hasPermission(ctx.roles, "mentors.approve");
  const [list, candidates, awaiting] = await readPage(ctx, (read) =>
    Promise.all([listMenteesPage(read, search), manage ? bankCandidates(read, "mentee") : [], approves ? listMentees(read, "awaiting").then((r) => r.rows) : []]),
  );
  const { rows, sensitive, counts } = list;
  const filtered = Boolean(search.q || search.status || (search.approval && search.approval !== "all"));
  const href = (changes: Record<string, string | number>) =>
    listHref(`/${org}/mentees`, { q: search.q, approval: search.approval, status: search.status, sort: search.sort, page: list.page }, changes, "#bank");
  const { head, sorted } = sortableHead(
    [{ label: t("name"), sort: "name" }, { label: t("kind") }, { label: t("category") }, { label: t("difficulties") }, { label: t("source") }, { label: t("status"), sort: "status" }, { label: t("approval.column"), sort: "approval" }],
    sortOf(search.sort, "status"),
    (sort) => href({ sort }),
  );
  return (
    <>
      <PageHeader title={t("menteesTitle")}>
        <p>{t("menteesIntro")}</p>
        <p>{t("counts", counts)}</p>
        <p>
          <a href={`/${org}/mentees/export`} className="text-brand-700 underline">
            {t("exportXlsx")}
          </a>
        </p>
      </PageHeader>
      {approves ? (
        <Section title={t("approval.menteesTitle")} id="approval">
          <p className="mb-3 text-sm text-slate-700">{t("approval.menteesIntro")}</p>
          <SelectedApproval
            org={org}
            kind="mentees"
            items={awaiting.map((r) => ({ id: r.id, label: fullName(r.person), details: [tp(`kinds.${r.person.kind}`), r.person.position ?? r.person.grade].filter(Boolean).join(", ") }))}
          />
        </Section>
      ) : null}
      <Section title={t("caption")} id="bank">
        <ListSearchForm action={`/${org}/mentees`} id="mentees" title={t("searchTitle")} q={search.q} qLabel={t("searchName")} sort={search.sort} resetHref={`/${org}/mentees#bank`}>
          <FilterSelect id="f-approval" name="approval" label={t("approval.filter")} value={search.approval === "all" ? undefined : search.approval} any={t("approval.filters.all")} options={(["approved", "awaiting"] as const).map((v) => ({ value: v, label: t(`approval.filters.${v}`) }))} />
          <FilterSelect id="mentees-status" name="status" label={t("status")} value={search.status} any={t("statusAny")} options={STATUSES.map((s) => ({ value: s, label: t(`menteeStatus.${s}`) }))} />
        </ListSearchForm>
        <ListFound total={list.total} ignored={ignored} />
        {!sensitive ? <p className="mb-3 text-sm text-slate-700">{t("sensitiveHidden")}.</p> : null}
        {rows.length === 0 ? (
          <p>{filtered ? t("searchNone") : t("empty")}</p>
        ) : (
          <MenteeBankTable org={org} rows={rows} head={head} sorted={sorted} locale={locale} />
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
      {manage ? (
        <Section title={t("addMenteeTitle")} id="add">
          <p className="mb-3 text-sm text-slate-700">{t("sensitiveNote")}</p>
          {candidates.length === 0 ? (
            <p>{t("noCandidates")}</p>
          ) : (
            <AddMenteeForm org={org} candidates={candidates.map((c) => ({ id: c.id, kind: c.kind, refused: c.refusal !== null, label: [fullName(c), c.position ?? c.grade].filter(Boolean).join(", ") }))} />
          )}
        </Section>
      ) : null}
    </>
  );
}
