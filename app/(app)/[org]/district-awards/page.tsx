import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistrictAwardForm } from "@/components/district-awards/award-form";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { deleteDistrictAward } from "@/lib/district-awards/actions";
import { loadDistrictAwardsAdmin } from "@/lib/district-awards/queries";
import { isoDate } from "@/lib/domain/local-date";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("districtAwards");
  return { title: t("title") };
}

/** District recognition (district.awards, decision 060): the office awards mentors of its schools' district bank. */
export default async function DistrictAwardsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.awards");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const t = await getTranslations("districtAwards");
  const tv = await getTranslations("vocabulary");
  const data = await readPage(ctx, (read) => loadDistrictAwardsAdmin(read));
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>
          <Link href={`/${org}/district-mentors`} className="text-brand-700 underline">
            {t("bankLink")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("formTitle")} id="give">
        {data.mentors.length === 0 ? (
          <p>{t("noMentors")}</p>
        ) : (
          <DistrictAwardForm org={org} today={isoDate(organizationToday(ctx))} mentors={data.mentors.map((m) => ({ id: m.id, label: [m.name, m.school, m.position].filter(Boolean).join(" — ") }))} />
        )}
      </Section>
      <Section title={t("listTitle")} id="awards">
        {data.awards.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table caption={t("listTitle")} head={[t("mentor"), t("school"), t("kind"), t("awardedOn"), t("basis"), t("actions")]}>
            {data.awards.map((a) => (
              <tr key={a.id}>
                <Td>{a.personName}</Td>
                <Td>{a.school}</Td>
                <Td>{a.kind === "OTHER" && a.title ? a.title : tv(`districtAwardKind.${a.kind}`)}</Td>
                <Td className="whitespace-nowrap">{formatDate(a.awardedOn)}</Td>
                <Td>{a.basis}</Td>
                <Td>
                  <ActionButton action={deleteDistrictAward} input={{ org, districtAwardId: a.id }} label={t("delete")} confirm={t("deleteConfirm", { name: a.personName })} done={t("deleted")} variant="danger" />
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
