import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AskForm } from "@/components/consultations/ask-form";
import { ConsultationList } from "@/components/consultations/consultation-list";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listConsultations } from "@/lib/consultations/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("consultations");
  return { title: t("title") };
}

// The school's consultations with the district methodist (issue #17 item 4b, decision 061): its own only.
export default async function SchoolConsultationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "consultations.ask");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const rows = await readPage(ctx, (read) => listConsultations(read));
  const t = await getTranslations("consultations");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="consultations">
        <ConsultationList rows={rows} base={`/${org}/consultations`} zone={ctx.organization.timeZone} office={false} />
      </Section>
      <Section title={t("askTitle")} id="ask">
        <AskForm org={org} />
      </Section>
    </>
  );
}
