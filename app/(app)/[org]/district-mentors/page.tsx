import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireTenant } from "@/lib/auth/tenant";
import { listDistrictMentors } from "@/lib/banks/queries";
import { COMPETENCY_TAGS, type CompetencyTag } from "@/lib/domain/banks";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("districtTitle") };
}

// The district mentor bank («открытое наставничество»): for the municipal office and for the schools.
export default async function DistrictMentorsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.mentors");
  const t = await getTranslations("banks");
  const mentors = await listDistrictMentors(ctx);
  return (
    <>
      <PageHeader title={t("districtTitle")}>
        <p>{t("districtIntro")}</p>
      </PageHeader>
      <Section title={t("districtCaption")} id="mentors">
        {mentors.length === 0 ? (
          <p>{t("districtEmpty")}</p>
        ) : (
          <Table caption={t("districtCaption")} head={[t("name"), t("school"), t("position"), t("competencies"), t("free")]}>
            {mentors.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>{m.organizationName}</Td>
                <Td>{[m.position, m.subjects.join(", ")].filter(Boolean).join("; ") || "—"}</Td>
                <Td>{m.competencies.length ? m.competencies.map((c) => COMPETENCY_TAGS[c as CompetencyTag] ?? c).join("; ") : "—"}</Td>
                <Td>
                  {m.remainingCapacity} / {m.capacity}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
