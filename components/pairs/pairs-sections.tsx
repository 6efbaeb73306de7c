import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PdfLink } from "@/components/documents/pdf-link";
import { ApprovalInbox } from "@/components/pairs/approval-inbox";
import { FilterSelect, ListFound, ListSearchForm, sortableHead } from "@/components/ui/list-controls";
import { Section } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { listHref, sortOf } from "@/lib/http/list-search";
import type { AppLocale } from "@/lib/i18n/config";
import type { listPairsPage, loadPairsPage, PairsSearch } from "@/lib/pairs/queries";
import type { getPairProgress } from "@/lib/pairs/work-queries";

// The sections of the pairs page (app/(app)/[org]/pairs/page.tsx), which reads the program's pairs once.

type PairsData = NonNullable<Awaited<ReturnType<typeof loadPairsPage>>>;
type PairsList = Awaited<ReturnType<typeof listPairsPage>>;

const STATUSES = ["APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED", "REJECTED"] as const;

/** The proposed pairs waiting for the director's approval. */
export async function PairsInboxSection({ org, proposed, canApprove, canWithdraw, today }: { org: string; proposed: PairsData["proposed"]; canApprove: boolean; canWithdraw: boolean; today: string }) {
  const t = await getTranslations("pairs");
  const tv = await getTranslations("vocabulary");
  const label = (p: PairsData["proposed"][number]) => `${p.mentorName} — ${p.menteeNames.join(", ")}`;
  return (
    <Section title={t("inboxTitle")} id="inbox">
      {/* Always mounted: after the last pairs are approved its confirmation stays on the page. */}
      <ApprovalInbox
        org={org}
        canApprove={canApprove}
        canWithdraw={canWithdraw}
        today={today}
        pairs={proposed.map((p) => ({
          id: p.id,
          version: p.version,
          label: label(p),
          details: [tv(`mentoringForm.${p.form}`), tv(`mentoringType.${p.type}`), p.direction, p.matchScore !== null ? `${t("score")}: ${p.matchScore.toFixed(1)}` : null].filter(Boolean).join(" · "),
        }))}
      />
    </Section>
  );
}

/** Mentees without a proposed or live pair in this program. */
export async function PairsWaitingSection({ org, mentees }: { org: string; mentees: PairsData["waiting"] }) {
  const t = await getTranslations("pairs");
  return (
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
  );
}

/** The decided pairs a page at a time (issue #19): search, status filter, sorting and each pair's progress. */
export async function PairsListSection({
  org,
  list,
  search,
  ignored,
  progress,
  locale,
}: {
  org: string;
  list: PairsList;
  search: PairsSearch;
  ignored: string[];
  progress: Awaited<ReturnType<typeof getPairProgress>>;
  locale: AppLocale;
}) {
  const t = await getTranslations("pairs");
  const tv = await getTranslations("vocabulary");
  const filtered = Boolean(search.q || search.status);
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/pairs`, { q: search.q, status: search.status, sort: search.sort, page: list.page }, changes, "#pairs");
  const { head, sorted } = sortableHead(
    [{ label: t("mentor"), sort: "mentor" }, { label: t("mentees") }, { label: t("form") }, { label: t("status"), sort: "status" }, { label: t("order") }, { label: t("progress") }],
    sortOf(search.sort, "created"),
    (sort) => href({ sort }),
  );
  return (
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
      {list.rows.length === 0 ? (
        <p>{filtered ? t("searchNone") : t("listEmpty")}</p>
      ) : (
        <Table caption={t("listCaption")} head={head} sorted={sorted}>
          {list.rows.map((p) => {
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
                  {tv(`mentoringForm.${p.form}`)}
                  <span className="block text-xs text-slate-700">{tv(`mentoringType.${p.type}`)}</span>
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
  );
}

/** The orders that formed pairs, each as .docx and PDF. */
export async function PairsOrdersSection({ org, orders, locale }: { org: string; orders: PairsData["orders"]; locale: AppLocale }) {
  const t = await getTranslations("pairs");
  return (
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
  );
}
