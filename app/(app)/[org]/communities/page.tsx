import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listSchoolParticipation } from "@/lib/communities/queries";
import { formatCalendarDate, formatDayIn } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("communities");
  return { title: t("schoolTitle") };
}

// A school's own people in the district's communities and the meetings they attended (decision 059): the school's
// member and attendance rows only — nothing of other schools' people.
export default async function SchoolCommunitiesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "communities.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const rows = await readPage(ctx, (read) => listSchoolParticipation(read));
  const t = await getTranslations("communities");
  return (
    <>
      <PageHeader title={t("schoolTitle")}>
        <p>{t("schoolIntro")}</p>
      </PageHeader>
      <Section title={t("membersTitle")} id="participation">
        {rows.length === 0 ? (
          <p>{t("schoolNone")}</p>
        ) : (
          <Table caption={t("schoolCaption")} head={[t("colPerson"), t("colPosition"), t("colCommunity"), t("colVisited")]}>
            {rows.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>{m.position ?? "—"}</Td>
                <Td>
                  {m.community.name}
                  <span className="block text-sm text-slate-700">{t(`kinds.${m.community.kind}`)}</span>
                </Td>
                <Td>
                  {m.attended.length === 0 ? t("visitedNone") : m.attended.map((a) => formatCalendarDate(a.date)).join(", ")}
                  {m.leftAt ? <span className="block text-sm text-slate-700">{t("schoolLeft", { date: formatDayIn(m.leftAt, ctx.organization.timeZone), reason: m.leftReason ?? t("consentWithdrawn") })}</span> : null}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
