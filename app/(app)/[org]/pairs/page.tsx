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
import { loadPairsPage } from "@/lib/pairs/queries";
import { getPairProgress } from "@/lib/pairs/work-queries";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("pairs");
  return { title: t("title") };
}

export default async function PairsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "pairs.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("pairs");
  const locale = toLocale(await getLocale());
  const canPropose = hasPermission(ctx.roles, "pairs.propose");
  const canApprove = hasPermission(ctx.roles, "pairs.approve");
  const data = await readPage(ctx, async (read) => {
    const found = await loadPairsPage(read, { withMentors: canPropose });
    if (!found) return null;
    const decidedIds = found.pairs.filter((p) => p.status !== "PROPOSED").map((p) => p.id);
    return { ...found, progress: await getPairProgress(read, decidedIds) };
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
  const { program, pairs, orders, waiting, mentors, progress } = data;
  // Mentees without a live pair in this program (proposed ones are on their way).
  const inPairs = new Set(pairs.filter((p) => p.status === "PROPOSED" || p.status === "APPROVED" || p.status === "ACTIVE").flatMap((p) => p.mentees.map((m) => m.mentee.id)));
  const mentees = waiting.filter((m) => !inPairs.has(m.id));
  const proposed = pairs.filter((p) => p.status === "PROPOSED");
  const decided = pairs.filter((p) => p.status !== "PROPOSED");
  const saved = (program.matchingSettings ?? {}) as { weights?: typeof DEFAULT_WEIGHTS; rules?: string[]; objective?: "score" | "participation" };
  const label = (p: (typeof pairs)[number]) => `${p.mentorName} — ${p.menteeNames.join(", ")}`;
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>{t("programLine", { title: program.title, stage: program.stage })}</p>
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
        {decided.length === 0 ? (
          <p>{t("listEmpty")}</p>
        ) : (
          <Table caption={t("listCaption")} head={[t("mentor"), t("mentees"), t("form"), t("status"), t("order"), t("progress")]}>
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
