import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CrossPairTable } from "@/components/cross-pairs/pair-tables";
import { ProposeCrossPairForm } from "@/components/cross-pairs/propose-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { crossPairChoices, listCrossPairs } from "@/lib/cross-pairs/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("crossPairs");
  return { title: t("title") };
}

// Cross-school pairs (decision 058): the school's mentees with other schools' mentors, its mentors in other schools'
// pairs (the head's consent inbox), and the curator's proposal from the district mentor bank.
export default async function CrossPairsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "crossPairs.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const propose = hasPermission(ctx.roles, "pairs.propose");
  const [pairs, choices] = await readPage(ctx, (read) => Promise.all([listCrossPairs(read), propose ? crossPairChoices(read) : null]));
  const t = await getTranslations("crossPairs");
  const inbox = pairs.filter((p) => p.side === "mentor" && p.status === "PROPOSED");
  const consents = hasPermission(ctx.roles, "crossPairs.consent");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      {consents && inbox.length > 0 ? (
        <Section title={t("consentTitle")} id="consent">
          <p>{t("consentIntro")}</p>
          <CrossPairTable org={org} pairs={inbox} side="mentor" />
        </Section>
      ) : null}
      <Section title={t("ownedCaption")} id="owned">
        <CrossPairTable org={org} pairs={pairs.filter((p) => p.side === "mentee")} side="mentee" />
      </Section>
      <Section title={t("mentoringCaption")} id="mentoring">
        <CrossPairTable org={org} pairs={pairs.filter((p) => p.side === "mentor")} side="mentor" />
      </Section>
      {choices ? (
        <Section title={t("proposeTitle")} id="propose">
          <p>{t("proposeIntro")}</p>
          {choices.programs.length && choices.mentees.length && choices.mentors.length ? <ProposeCrossPairForm org={org} choices={choices} /> : <p>{t("noChoices")}</p>}
        </Section>
      ) : null}
    </>
  );
}
