import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AddMenteeForm } from "@/components/banks/mentee-forms";
import { SelectedApproval } from "@/components/banks/selected-approval";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { bankCandidates, listMentees } from "@/lib/banks/queries";
import { optionalParam, readPageParams, type RawParams } from "@/lib/http/params";
import { DIFFICULTY_TAGS, INFORMATION_SOURCES, MENTEE_CATEGORIES, type DifficultyTag } from "@/lib/domain/banks";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("menteesTitle") };
}

const SearchInput = z.object({ approval: optionalParam(z.enum(["all", "approved", "awaiting"])) });

export default async function MenteesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const approval = readPageParams(SearchInput, await searchParams).approval ?? "all";
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const locale = toLocale(await getLocale());
  const manage = hasPermission(ctx.roles, "banks.manage");
  const approves = hasPermission(ctx.roles, "mentors.approve");
  const [{ rows, sensitive }, candidates, awaiting] = await readPage(ctx, (read) =>
    Promise.all([listMentees(read, approval), manage ? bankCandidates(read, "mentee") : [], approves ? listMentees(read, "awaiting").then((r) => r.rows) : []]),
  );
  const left = rows.filter((r) => r.status === "LEFT").length;
  return (
    <>
      <PageHeader title={t("menteesTitle")}>
        <p>{t("menteesIntro")}</p>
        <p>{t("counts", { active: rows.length - left, left })}</p>
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
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="f-approval" className="text-sm font-medium">
              {t("approval.filter")}
            </label>
            <select id="f-approval" name="approval" defaultValue={approval} className="rounded-md border border-slate-500 bg-white px-3 py-2">
              {(["all", "approved", "awaiting"] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`approval.filters.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
            {t("approval.apply")}
          </button>
        </form>
        {!sensitive ? <p className="mb-3 text-sm text-slate-700">{t("sensitiveHidden")}.</p> : null}
        {rows.length === 0 ? (
          <p>{approval === "all" ? t("empty") : t("approval.filteredEmpty")}</p>
        ) : (
          <Table caption={t("caption")} head={[t("name"), t("kind"), t("category"), t("difficulties"), t("source"), t("status"), t("approval.column")]}>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`/${org}/mentees/${r.id}`} className="text-brand-700 underline">
                    {fullName(r.person)}
                  </Link>
                </Td>
                <Td>
                  {tp(`kinds.${r.person.kind}`)}
                  {r.person.grade ? `, ${r.person.grade}` : ""}
                </Td>
                <Td>{r.category ? MENTEE_CATEGORIES[r.category] : "—"}</Td>
                <Td>{r.difficulties.length ? r.difficulties.map((d) => DIFFICULTY_TAGS[d as DifficultyTag] ?? d).join("; ") : "—"}</Td>
                <Td>{INFORMATION_SOURCES[r.source]}</Td>
                <Td>{r.status === "LEFT" && r.leftReason ? t("leftReason", { reason: r.leftReason }) : t(`menteeStatus.${r.status}`)}</Td>
                <Td>{r.approvedAt ? t("approval.approvedOn", { date: formatDate(r.approvedAt, locale) }) : t("approval.notApproved")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {manage ? (
        <Section title={t("addMenteeTitle")} id="add">
          <p className="mb-3 text-sm text-slate-700">{t("sensitiveNote")}</p>
          {candidates.length === 0 ? (
            <p>{t("noCandidates")}</p>
          ) : (
            <AddMenteeForm org={org} candidates={candidates.map((c) => ({ id: c.id, kind: c.kind, refusal: c.refusal, label: [fullName(c), c.position ?? c.grade].filter(Boolean).join(", ") }))} />
          )}
        </Section>
      ) : null}
    </>
  );
}
