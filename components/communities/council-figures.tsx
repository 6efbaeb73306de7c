import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { Quarter } from "@/lib/domain/communities";

type Figures = { quarter: Quarter; bySchool: { schoolId: string; name: string; curators: number; mentors: number }[]; perQuarter: (Quarter & { meetings: number })[] };

/** The council of mentors in the district figures: per school this quarter's curators and mentors, the meetings per quarter. */
export async function CouncilFigures({ figures }: { figures: Figures }) {
  const t = await getTranslations("communities");
  const { quarter, year } = figures.quarter;
  return (
    <Section title={t("figuresTitle")} id="council-figures">
      <p className="mb-2">{t("figuresIntro", { quarter, year })}</p>
      <Table caption={t("figuresCaption", { quarter, year })} head={[t("colSchool"), t("colCurators"), t("colMentors")]}>
        {figures.bySchool.map((s) => (
          <tr key={s.schoolId}>
            <Td>{s.name}</Td>
            <Td>{s.curators}</Td>
            <Td>{s.mentors}</Td>
          </tr>
        ))}
      </Table>
      <h3 className="mt-4 font-semibold">{t("perQuarterTitle")}</h3>
      {figures.perQuarter.length === 0 ? (
        <p>{t("noCouncilMeetings")}</p>
      ) : (
        <Table caption={t("perQuarterCaption")} head={[t("colQuarter"), t("colMeetings")]}>
          {figures.perQuarter.map((q) => (
            <tr key={`${q.year}-${q.quarter}`}>
              <Td>{t("quarterText", { quarter: q.quarter, year: q.year })}</Td>
              <Td>{q.meetings}</Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
