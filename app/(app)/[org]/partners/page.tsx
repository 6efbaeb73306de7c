import { getTranslations } from "next-intl/server";
import { LinkMentorForm } from "@/components/partners/link-mentor-form";
import { PartnerForm } from "@/components/partners/partner-form";
import { PartnerIndicator } from "@/components/partners/partner-indicator";
import { PartnerTable } from "@/components/partners/partner-table";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listPartners, partnerShares } from "@/lib/partners/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("partners");
  return { title: t("title") };
}

// The register of partner organizations of a school or an office (issue #17 item 3, decision 061): agreements,
// external mentors linked to their partner, and the passport indicator of partners providing mentors.
export default async function PartnersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "partners.manage");
  const [register, shares] = await readPage(ctx, (read) => Promise.all([listPartners(read), partnerShares(read)]));
  const t = await getTranslations("partners");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <PartnerIndicator own={shares.own} schools={shares.schools} />
      <Section title={t("registerTitle")} id="register">
        <PartnerTable org={org} partners={register.partners} />
      </Section>
      <Section title={t("addTitle")} id="add">
        <PartnerForm org={org} />
      </Section>
      {register.mentors.length > 0 && register.partners.length > 0 ? (
        <Section title={t("linkTitle")} id="link">
          <p className="mb-3 text-sm text-slate-700">{t("linkIntro")}</p>
          <LinkMentorForm org={org} mentors={register.mentors.map((m) => ({ id: m.id, name: m.name }))} partners={register.partners.map((p) => ({ id: p.id, name: p.name }))} />
        </Section>
      ) : null}
    </>
  );
}
