import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PdfLink } from "@/components/documents/pdf-link";
import { AdvanceButton } from "@/components/program/stage-controls";
import { UnmetConditions } from "@/components/program/unmet-conditions";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import type { FixPlace, UnmetCondition } from "@/lib/domain/stages";
import { formatDateTime } from "@/lib/format";
import type { getStageOverview } from "@/lib/programs/queries";

// The sections of the program page (app/(app)/[org]/program/page.tsx), which reads the program and its stage once.

type StageOverview = Awaited<ReturnType<typeof getStageOverview>>;

/** The other academic years' programs, when there are any. */
export async function ProgramYearLinks({ years, current, base }: { years: number[]; current: number | undefined; base: string }) {
  const t = await getTranslations();
  if (years.length <= 1) return null;
  return (
    <nav aria-label={t("program.otherYears")} className="mb-4 flex flex-wrap gap-3 text-sm">
      {years.map((y) => (
        <Link key={y} href={`${base}/program?year=${y}`} aria-current={current === y ? "page" : undefined} className="text-brand-700 underline aria-[current=page]:font-bold">
          {formatAcademicYear(y)}
        </Link>
      ))}
    </nav>
  );
}

/** The current stage's exit conditions, each unmet one with the place it is fixed, and the button to the next stage. */
export async function ProgramGateSection({
  org,
  program,
  unmet,
  links,
  canAdvance,
}: {
  org: string;
  program: { id: string; stage: number };
  unmet: UnmetCondition[];
  links: Partial<Record<FixPlace, string>>;
  canAdvance: boolean;
}) {
  const t = await getTranslations();
  return (
    <Section title={program.stage === 7 ? t("program.gateTitleLast") : t("program.gateTitle", { next: program.stage + 1 })} id="gate">
      <p className="mb-3 font-medium">
        {program.stage}. {t(`stages.title${program.stage}` as "stages.title1")}
      </p>
      {unmet.length === 0 ? (
        <Notice kind="success">{t("program.gateMet")}</Notice>
      ) : (
        <UnmetConditions unmet={unmet} stage={program.stage} links={links} label={t("program.gateTitle", { next: program.stage + 1 })} />
      )}
      {canAdvance ? (
        <div className="mt-4">
          <AdvanceButton org={org} programId={program.id} stage={program.stage} />
        </div>
      ) : null}
    </Section>
  );
}

/** The program's documents: the roadmap and its order as .docx and PDF, and the stage 1 pack. */
export async function ProgramDocumentsSection({ base, year }: { base: string; year: number }) {
  const t = await getTranslations();
  return (
    <Section title={t("program.documents")} id="documents">
      <ul className="flex list-disc flex-col gap-2 pl-5">
        <li>
          <a href={`${base}/program/documents/roadmap?year=${year}`} className="text-brand-700 underline">
            {t("program.roadmapDocx")}
          </a>
        </li>
        <PdfLink href={`${base}/program/documents/roadmap?year=${year}`} item>
          {t("program.roadmapPdf")}
        </PdfLink>
        <li>
          <a href={`${base}/program/documents/roadmap-order?year=${year}`} className="text-brand-700 underline">
            {t("program.orderDocx")}
          </a>
        </li>
        <PdfLink href={`${base}/program/documents/roadmap-order?year=${year}`} item>
          {t("program.orderPdf")}
        </PdfLink>
        <li>
          <Link href={`${base}/program/stage1?year=${year}`} className="text-brand-700 underline">
            {t("acts.stage1Link")}
          </Link>
        </li>
      </ul>
    </Section>
  );
}

/** The log of the program's stage changes and the director's decisions. */
export async function ProgramLogSection({ transitions, timeZone }: { transitions: StageOverview["transitions"]; timeZone: string }) {
  const t = await getTranslations();
  return (
    <Section title={t("program.log")} id="log">
      {transitions.length === 0 ? (
        <p>{t("program.logEmpty")}</p>
      ) : (
        <Table caption={t("program.logCaption")} head={[t("program.logWhen"), t("program.logWho"), t("program.logWhat"), t("program.logReason")]}>
          {transitions.map((tr) => (
            <tr key={tr.id}>
              <Td className="whitespace-nowrap">{formatDateTime(tr.createdAt, timeZone)}</Td>
              <Td>{tr.actor?.name ?? "—"}</Td>
              <Td>{t(`program.logKinds.${tr.kind}`, { from: tr.fromStage, to: tr.toStage })}</Td>
              <Td>{tr.reason ?? ""}</Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
