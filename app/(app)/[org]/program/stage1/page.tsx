import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RegulationEditor } from "@/components/program/regulation-editor";
import { MissingRequisites, Stage1Documents } from "@/components/program/stage1-pack";
import { Stage1PrepareForm } from "@/components/program/stage1-prepare-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { currentAcademicYear, formatAcademicYear } from "@/lib/domain/academic-year";
import { PLACEHOLDERS } from "@/lib/domain/regulation-template";
import { pdfOffered } from "@/lib/http/document-response";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import { toLocale } from "@/lib/i18n/config";
import { getStage1Pack } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("stage1");
  return { title: t("title") };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");

// The stage-1 pack (issue #15): prepare the acts, edit the Положение, download each document as .docx / PDF.
export default async function Stage1PackPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "program.view");
  const year = readPageParams(YearSearch, await searchParams).year ?? currentAcademicYear(ctx.organization.timeZone, now());
  const t = await getTranslations("stage1");
  const locale = toLocale(await getLocale());
  const pack = await readPage(ctx, (read) => getStage1Pack(read, year));
  if (!pack) {
    return (
      <PageHeader title={t("title")}>
        <p>{t("noProgram", { year: formatAcademicYear(year) })}</p>
        <Link href={`/${org}/program?year=${year}`} className="text-brand-700 underline">{t("createProgram")}</Link>
      </PageHeader>
    );
  }
  const { acts, program } = pack;
  const running = program.status !== "COMPLETED";
  const regulationLocked = acts.REGULATION?.status === "APPROVED" || acts.MODEL_INTRODUCTION?.status === "APPROVED";
  const intro = acts.MODEL_INTRODUCTION;
  const chain = acts.REGULATION;
  return (
    <>
      <PageHeader title={`${t("title")} · ${formatAcademicYear(program.academicYear)}`}>
        <p>{t("intro")}</p>
      </PageHeader>
      {pack.missing.length > 0 ? <MissingRequisites org={org} missing={pack.missing} /> : null}
      <Section title={t("documentsCaption")} id="documents">
        <Stage1Documents org={org} year={program.academicYear} acts={acts} printable={pack.missing.length === 0} pdf={pdfOffered()} locale={locale} />
        <p className="mt-3">
          <Link href={`/${org}/acts`} className="text-brand-700 underline">{t("actsLink")}</Link>
        </p>
      </Section>
      {running && hasPermission(ctx.roles, "acts.register") ? (
        <Section title={t("prepareTitle")} id="prepare">
          <p className="mb-4 text-slate-700">{t("prepareIntro")}</p>
          <Stage1PrepareForm
            org={org}
            programId={program.id}
            defaults={{
              introNumber: intro?.number ?? "", introDate: iso(intro?.date), curatorNumber: acts.CURATOR_APPOINTMENT?.number ?? "", curatorDate: iso(acts.CURATOR_APPOINTMENT?.date),
              workingGroup: program.workingGroup ?? "",
              agreedBy: chain?.agreedBy ?? "", agreedProtocol: chain?.agreedProtocol ?? "", agreedDate: iso(chain?.agreedDate),
              adoptedBy: chain?.adoptedBy ?? "", adoptedProtocol: chain?.adoptedProtocol ?? "", adoptedDate: iso(chain?.adoptedDate),
            }}
          />
        </Section>
      ) : null}
      <Section title={t("regulationTitle")} id="regulation">
        <p className="mb-2 text-slate-700">{pack.edited ? t("regulationEdited") : t("regulationDefault")}</p>
        {running && !regulationLocked && hasPermission(ctx.roles, "program.manage") ? (
          <>
            <p className="mb-2 text-slate-700">{t("regulationIntro")}</p>
            <p className="mb-4 font-mono text-sm" lang="ru">{Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(" ")}</p>
            <RegulationEditor org={org} programId={program.id} text={pack.regulationText} />
          </>
        ) : (
          <>
            {regulationLocked ? <p className="mb-2">{t("regulationLocked")}</p> : null}
            <pre className="whitespace-pre-wrap text-sm" lang="ru">
              {pack.regulationText}
            </pre>
          </>
        )}
      </Section>
    </>
  );
}
