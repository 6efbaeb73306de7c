import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddMentorForm } from "@/components/banks/mentor-forms";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { bankCandidates, listMentors } from "@/lib/banks/queries";
import { COMPETENCY_TAGS, type CompetencyTag } from "@/lib/domain/banks";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("mentorsTitle") };
}

export default async function MentorsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("banks");
  const locale = toLocale(await getLocale());
  const manage = hasPermission(ctx.roles, "banks.manage");
  const [rows, candidates] = await readPage(ctx, (read) => Promise.all([listMentors(read), manage ? bankCandidates(read, "mentor") : []]));
  const left = rows.filter((r) => r.status === "LEFT").length;
  return (
    <>
      <PageHeader title={t("mentorsTitle")}>
        <p>{t("mentorsIntro")}</p>
        <p>{t("counts", { active: rows.length - left, left })}</p>
        <p className="flex flex-wrap gap-4">
          <a href={`/${org}/mentors/export`} className="text-brand-700 underline">
            {t("exportXlsx")}
          </a>
          <a href={`/${org}/mentors/appointment-order`} className="text-brand-700 underline">
            {t("appointmentOrder")}
          </a>
          <PdfLink href={`/${org}/mentors/appointment-order`}>{t("appointmentOrderPdf")}</PdfLink>
          {hasPermission(ctx.roles, "incentives.view") ? (
            <Link href={`/${org}/mentors/incentives`} className="text-brand-700 underline">
              {t("incentives.link")}
            </Link>
          ) : null}
        </p>
        <p>
          <Link href={`/${org}/district-mentors`} className="text-brand-700 underline">
            {t("districtLink")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("caption")} id="bank">
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table caption={t("caption")} head={[t("name"), t("position"), t("competencies"), t("capacityShort"), t("trainings"), t("status"), t("district")]}>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`/${org}/mentors/${r.id}`} className="text-brand-700 underline">
                    {fullName(r.person)}
                  </Link>
                </Td>
                <Td>{[r.person.position ?? r.person.externalOrganization ?? r.person.grade, r.person.subjects.join(", ")].filter(Boolean).join("; ") || "—"}</Td>
                <Td>{r.competencies.length ? r.competencies.map((c) => COMPETENCY_TAGS[c as CompetencyTag] ?? c).join("; ") : "—"}</Td>
                <Td>{r.capacity}</Td>
                <Td>{t("trainingsCount", { count: r._count.trainings })}</Td>
                <Td>{r.status === "LEFT" && r.leftReason ? t("leftReason", { reason: r.leftReason }) : t(`mentorStatus.${r.status}`)}</Td>
                <Td>{r.districtVisibleSince ? t("districtYes", { date: formatDate(r.districtVisibleSince, locale) }) : t("districtNo")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {manage ? (
        <Section title={t("addMentorTitle")} id="add">
          {candidates.length === 0 ? (
            <p>{t("noCandidates")}</p>
          ) : (
            <AddMentorForm org={org} candidates={candidates.map((c) => ({ id: c.id, kind: c.kind, refusal: c.refusal, label: [fullName(c), c.position ?? c.grade].filter(Boolean).join(", ") }))} />
          )}
        </Section>
      ) : null}
    </>
  );
}
