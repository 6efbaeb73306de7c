import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoadmapImport } from "@/components/program/roadmap-import";
import { PageHeader, Section } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { findProgram } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function RoadmapImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "program.manage");
  const { program } = await findProgram(ctx);
  if (!program || program.status !== "ACTIVE") redirect(`/${org}/program`);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={`${t("import.title")}: ${formatAcademicYear(program.academicYear)}`}>
        <p>{t("import.intro")}</p>
        <p>
          <Link href={`/${org}/program/roadmap`} className="text-brand-700 underline">
            {t("roadmap.back")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("import.title")} id="import">
        <RoadmapImport org={org} programId={program.id} />
      </Section>
    </>
  );
}
