import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsultationList } from "@/components/consultations/consultation-list";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listConsultations } from "@/lib/consultations/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("consultations");
  return { title: t("inboxTitle") };
}

// The methodist's inbox of consultations from the schools of the municipality (decision 061).
export default async function OfficeConsultationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "consultations.answer");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const rows = await readPage(ctx, (read) => listConsultations(read));
  const t = await getTranslations("consultations");
  return (
    <>
      <PageHeader title={t("inboxTitle")}>
        <p>{t("inboxIntro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="consultations">
        <ConsultationList rows={rows} base={`/${org}/district/consultations`} zone={ctx.organization.timeZone} office />
      </Section>
    </>
  );
}
