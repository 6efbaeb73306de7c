import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApprovalInbox } from "@/components/pairs/approval-inbox";
import { MatchingPanel } from "@/components/pairs/matching-panel";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { DEFAULT_WEIGHTS } from "@/lib/domain/matching";
import { MENTORING_FORMS, MENTORING_TYPES } from "@/lib/domain/pairs";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { listPairsPage, loadPairsPage, PairsSearchInput } from "@/lib/pairs/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { FilterSelect, ListFound, ListSearchForm, sortableHead } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { getPairProgress } from "@/lib/pairs/work-queries";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("pairs");
  return { title: t("title") };
}

const STATUSES = ["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED", "REJECTED"] as const;

export default async function PairsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "pairs.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("pairs");
  const locale = toLocale(await getLocale());
  const canPropose = hasPermission(ctx.roles, "pairs.propose");
  const canApprove = hasPermission(ctx.roles, "pairs.approve");
  const { search, ignored } = readListParams(PairsSearchInput, await searchParams);
  const data = await readPage(ctx, async (read) => {
    const found = await loadPairsPage(read, { withMentors: canPropose });
    if (!found) return null;
    // The decided pairs a page at a time (issue #19), with the progress of that page's pairs only.
    const list = await listPairsPage(read, found.program.id, search);
    return { ...found, list, progress: await getPairProgress(read, list.rows.map((p) => p.id)) };
  });
  if (!data) {
    return (
      <>
        <PageHeader title={t("title")}>
          <p>{t("intro")}</p>
        </PageHeader>
        <Notice kind="info">{t("noProgram")}</Notice>
      </>
    );
  }
  // Mentees without a proposed or live pair in this program.
  const { program, proposed, orders, waiting: mentees, mentors, progress, list } = data;
  const decided = list.rows;
  const saved = (program.matchingSettings ?? {}) as { weights?: typeof DEFAULT_WEIGHTS; rules?: string[]; objective?: "score" | "participation" };
  const label = (p: (typeof proposed)[number]) => `${p.mentorName} — ${p.menteeNames.join(", ")}`;
  const filtered = Boolean(search.q || search.status);
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/pairs`, { q: search.q, status: search.status, sort: search.sort, page: list.page }, changes, "#pairs");
  const { head, sorted } = sortableHead(
    [{ label: t("mentor"), sort: "mentor" }, { label: t("mentees") }, { label: t("form") }, { label: t("status"), sort: "status" }, { label: t("order") }, { label: t("progress") }],
    sortOf(search.sort, "created"),
    (sort) => href({ sort }),
  );
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>{t("programLine", { title: program.title, stage: program.stage })}</p>
        <p>
          <Link href={`/${org}/cross-pairs`} className="text-brand-700 underline">
            {(await getTranslations("crossPairs"))("pairsLink")}
          </Link>
        </p>
      </PageHeader>

      {canPropose && program.status === "ACTIVE" ? (
        <Section title={t("matchTitle")} id="matching">
          <MatchingPanel
            org={org}
            programId={program.id}
            defaults={{ weights: { ...DEFAULT_WEIGHTS, ...saved.weights }, rules: saved.rules ?? [], objective: saved.objective ?? "score" }}
            mentees={mentees}
            mentors={mentors}
          />
        </Section>
      ) : null}

      <Section title={t("inboxTitle")} id="inbox">
        {/* Always mounted: after the last pairs are approved its confirmation stays on the page. */}
        <ApprovalInbox
          org={org}
          canApprove={canApprove}
          canWithdraw={canPropose}
          today={isoDate(organizationToday(ctx))}
          pairs={proposed.map((p) => ({
            id: p.id,
            version: p.version,
            label: label(p),
            details: [MENTORING_FORMS[p.form], MENTORING_TYPES[p.type], p.direction, p.matchScore !== null ? `${t("score")}: ${p.matchScore.toFixed(1)}` : null].filter(Boolean).join(" · "),
          }))}
        />
      </Section>

      {mentees.length > 0 ? (
        <Section title={t("waitingTitle")} id="waiting">
          <p className="mb-2 text-sm text-slate-700">{t("unassignedNote")}</p>
          <ul className="list-disc pl-5">
            {mentees.map((m) => (
              <li key={m.id}>
                <Link href={`/${org}/mentees/${m.id}`} className="text-brand-700 underline">
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={t("listTitle")} id="pairs">
        {list.total > 0 || filtered ? (
          <>
            <ListSearchForm action={`/${org}/pairs`} id="pairs" title={t("searchTitle")} q={search.q} qLabel={t("searchName")} sort={search.sort} resetHref={`/${org}/pairs#pairs`}>
              <FilterSelect id="pairs-status" name="status" label={t("status")} value={search.status} any={t("statusAny")} options={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
            </ListSearchForm>
            <ListFound total={list.total} ignored={ignored} />
          </>
        ) : ignored.length ? (
          <ListFound total={0} ignored={ignored} />
        ) : null}
        {decided.length === 0 ? (
          <p>{filtered ? t("searchNone") : t("listEmpty")}</p>
        ) : (
          <Table caption={t("listCaption")} head={head} sorted={sorted}>
            {decided.map((p) => {
              const pr = progress.get(p.id);
              return (
                <tr key={p.id}>
                  <Td>
                    <Link href={`/${org}/pairs/${p.id}`} className="text-brand-700 underline">
                      {p.mentorName}
                    </Link>
                  </Td>
                  <Td>{p.menteeNames.join(", ")}</Td>
                  <Td>
                    {MENTORING_FORMS[p.form]}
                    <span className="block text-xs text-slate-700">{MENTORING_TYPES[p.type]}</span>
                  </Td>
                  <Td>{t(`statuses.${p.status}`)}</Td>
                  <Td>{p.order ? t("orderLine", { number: p.order.number, date: formatDate(p.order.date, locale) }) : "—"}</Td>
                  <Td>
                    {pr ? (
                      <>
                        {pr.hasProgram ? t("itemsDone", { done: pr.itemsDone, total: pr.itemsTotal }) : t("noProgramYet")}
                        <span className="block">{t("meetingsCount", { count: pr.meetings })}</span>
                        {pr.inactive ? <span className="block font-medium text-red-800">{t("noActivity")}</span> : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>

      <Section title={t("ordersTitle")} id="orders">
        {orders.length === 0 ? (
          <p>—</p>
        ) : (
          <Table caption={t("ordersCaption")} head={[t("order"), t("orderPairs"), t("orderFiles")]}>
            {orders.map((o) => (
              <tr key={o.id}>
                <Td>{t("orderLine", { number: o.number, date: formatDate(o.date, locale) })}</Td>
                <Td>{o._count.pairs}</Td>
                <Td>
                  <div className="flex flex-wrap gap-3">
                    <a href={`/${org}/pairs/orders/${o.id}`} className="text-brand-700 underline">
                      {t("downloadOrder", { number: o.number })}
                    </a>
                    <PdfLink href={`/${org}/pairs/orders/${o.id}`}>{t("downloadOrderPdf", { number: o.number })}</PdfLink>
                  </div>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
