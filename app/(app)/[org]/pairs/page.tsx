import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MatchingPanel } from "@/components/pairs/matching-panel";
import { PairsInboxSection, PairsListSection, PairsOrdersSection, PairsWaitingSection } from "@/components/pairs/pairs-sections";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { DEFAULT_WEIGHTS } from "@/lib/domain/matching";
import { toLocale } from "@/lib/i18n/config";
import { listPairsPage, loadPairsPage, PairsSearchInput } from "@/lib/pairs/queries";
import type { RawParams } from "@/lib/http/params";
import { readListParams } from "@/lib/http/list-search";
import { getPairProgress } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("pairs");
  return { title: t("title") };
}

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
  const saved = (program.matchingSettings ?? {}) as { weights?: typeof DEFAULT_WEIGHTS; rules?: string[]; objective?: "score" | "participation" };
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

      <PairsInboxSection org={org} proposed={proposed} canApprove={canApprove} canWithdraw={canPropose} today={isoDate(organizationToday(ctx))} />

      {mentees.length > 0 ? <PairsWaitingSection org={org} mentees={mentees} /> : null}

      <PairsListSection org={org} list={list} search={search} ignored={ignored} progress={progress} locale={locale} />

      <PairsOrdersSection org={org} orders={orders} locale={locale} />
    </>
  );
}
