import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FixPlace, UnmetCondition } from "@/lib/domain/stages";

/** Where each unmet exit condition is fixed, as a link of the organization. */
export function fixLinks(base: string, program: { stage: number; academicYear: number }, isSchool: boolean): Record<FixPlace, string> {
  return {
    acts: `${base}/acts`,
    passport: `${base}/program/passport?year=${program.academicYear}`,
    roadmap: `${base}/program/roadmap?year=${program.academicYear}&stage=${program.stage}`,
    banks: program.stage === 2 ? `${base}/mentees` : `${base}/mentors`,
    pairs: `${base}/pairs`,
    surveys: `${base}/surveys`,
    practices: `${base}/practices`,
    completion: `${base}/program/completion?year=${program.academicYear}`,
    monitoring: isSchool ? `${base}/monitoring?year=${program.academicYear}` : `${base}/district`,
  };
}

/** The current stage's unmet exit conditions, each with the link to the place where it is fixed. */
export async function UnmetConditions({ unmet, links, stage, label }: { unmet: UnmetCondition[]; links: Record<FixPlace, string>; stage: number; label: string }) {
  const t = await getTranslations();
  const fixLabel: Record<FixPlace, string> = {
    acts: t("program.fixActs"),
    passport: t("program.fixPassport"),
    roadmap: t("program.fixRoadmap"),
    banks: stage === 2 ? t("program.fixMentees") : t("program.fixMentors"),
    pairs: t("program.fixPairs"),
    surveys: t("completion.fix.surveys"),
    practices: t("completion.fix.practices"),
    completion: t("completion.fix.completion"),
    monitoring: t("completion.fix.monitoring"),
  };
  return (
    <ul className="mb-4 flex flex-col gap-2" aria-label={label}>
      {unmet.map((c) => (
        <li key={c.code} className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2">
          <p>{t(`stageGate.${c.key}` as "stageGate.regulation", c.values ?? {})}</p>
          <Link href={links[c.fix]} className="text-sm text-brand-700 underline">
            {fixLabel[c.fix]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
