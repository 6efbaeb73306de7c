import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { CouncilSummary, Quarter } from "@/lib/domain/communities";
import type { PartnerShare } from "@/lib/domain/partners";
import { formatPercent } from "@/lib/format";

type Partners = { own: PartnerShare; schools: (PartnerShare & { count: number }) | null };

/**
 * Mentoring beyond one school on the district dashboard (issue #17, decisions 059 and 061): the council of mentors
 * this quarter (a municipal office keeps it) and the passport's share of partner organizations providing mentors —
 * the office's own register and its schools' registers, aggregates only.
 */
export async function DistrictOpenMentoring({ org, council, partners }: { org: string; council: { quarter: Quarter; summary: CouncilSummary } | null; partners: Partners }) {
  const t = await getTranslations("monitoring.district.open");
  const share = (s: PartnerShare) => t("shareValue", { providing: s.providing, partners: s.partners, share: formatPercent(s.share) });
  return (
    <Section title={t("title")} id="open-mentoring">
      {council ? (
        <>
          <Table caption={t("councilCaption", { quarter: council.quarter.quarter, year: council.quarter.year })} head={[t("indicator"), t("value")]}>
            <tr>
              <Td>{t("councilMeetings")}</Td>
              <Td>{council.summary.meetings}</Td>
            </tr>
            <tr>
              <Td>{t("schoolsWithCurator")}</Td>
              <Td>{t("ofSchools", { count: council.summary.schoolsWithCurator, schools: council.summary.schools })}</Td>
            </tr>
            <tr>
              <Td>{t("schoolsWithMentor")}</Td>
              <Td>{t("ofSchools", { count: council.summary.schoolsWithMentor, schools: council.summary.schools })}</Td>
            </tr>
            <tr>
              <Td>{t("people")}</Td>
              <Td>{t("peopleValue", { curators: council.summary.curators, mentors: council.summary.mentors })}</Td>
            </tr>
          </Table>
          <p className="mt-2">
            <Link href={`/${org}/district/communities`} className="text-brand-700 underline">
              {t("communitiesLink")}
            </Link>
          </p>
        </>
      ) : null}
      <Table caption={t("partnersCaption")} head={[t("register"), t("providing")]}>
        <tr>
          <Td>{t("ownRegister")}</Td>
          <Td>{share(partners.own)}</Td>
        </tr>
        {partners.schools ? (
          <tr>
            <Td>{t("schoolRegisters", { count: partners.schools.count })}</Td>
            <Td>{share(partners.schools)}</Td>
          </tr>
        ) : null}
      </Table>
      <p className="mt-2">
        <Link href={`/${org}/partners`} className="text-brand-700 underline">
          {t("partnersLink")}
        </Link>
      </p>
    </Section>
  );
}
