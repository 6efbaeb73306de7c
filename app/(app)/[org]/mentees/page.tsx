import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddMenteeForm } from "@/components/banks/mentee-forms";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { bankCandidates, listMentees } from "@/lib/banks/queries";
import { DIFFICULTY_TAGS, INFORMATION_SOURCES, MENTEE_CATEGORIES, type DifficultyTag } from "@/lib/domain/banks";
import { fullName } from "@/lib/domain/names";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("menteesTitle") };
}

export default async function MenteesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const manage = hasPermission(ctx.roles, "banks.manage");
  const [{ rows, sensitive }, candidates] = await readPage(ctx, (read) => Promise.all([listMentees(read), manage ? bankCandidates(read, "mentee") : []]));
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
      <Section title={t("caption")} id="bank">
        {!sensitive ? <p className="mb-3 text-sm text-slate-700">{t("sensitiveHidden")}.</p> : null}
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table caption={t("caption")} head={[t("name"), t("kind"), t("category"), t("difficulties"), t("source"), t("status")]}>
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
