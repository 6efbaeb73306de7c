import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import type { AppRole } from "@/lib/auth/roles";
import type { FixPlace, UnmetCondition } from "@/lib/domain/stages";

/**
 * Where each unmet exit condition is fixed, as a link of the organization — only the places the viewer may open:
 * the stage board is shown to mentors and mentees too, and a link to a page that answers them 403 is a dead end.
 */
export function fixLinks(base: string, program: { stage: number; academicYear: number }, isSchool: boolean, roles: readonly AppRole[]): Partial<Record<FixPlace, string>> {
  const links: Record<FixPlace, [string, Permission]> = {
    acts: [`${base}/acts`, "program.view"],
    passport: [`${base}/program/passport?year=${program.academicYear}`, "program.view"],
    roadmap: [`${base}/program/roadmap?year=${program.academicYear}&stage=${program.stage}`, "program.view"],
    banks: [program.stage === 2 ? `${base}/mentees` : `${base}/mentors`, "banks.view"],
    pairs: [`${base}/pairs`, "pairs.view"],
    surveys: [`${base}/surveys`, "surveys.view"],
    practices: [`${base}/practices`, "practices.view"],
    completion: [`${base}/program/completion?year=${program.academicYear}`, "monitoring.school"],
    monitoring: isSchool ? [`${base}/monitoring?year=${program.academicYear}`, "monitoring.school"] : [`${base}/district`, "monitoring.district"],
  };
  return Object.fromEntries(Object.entries(links).filter(([, [, permission]]) => hasPermission(roles, permission)).map(([place, [href]]) => [place, href]));
}

/** The current stage's unmet exit conditions, each with the link to the place where it is fixed. */
export async function UnmetConditions({ unmet, links, stage, label }: { unmet: UnmetCondition[]; links: Partial<Record<FixPlace, string>>; stage: number; label: string }) {
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
          {links[c.fix] ? (
            <Link href={links[c.fix]!} className="text-sm text-brand-700 underline">
              {fixLabel[c.fix]}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
