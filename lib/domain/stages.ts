import words from "../i18n/messages/ru.vocabulary.json";
import type { Recurrence } from "./due-period";
import { coveredActKinds } from "./stage1-pack";

// The seven stages of a mentoring program (docs/domain.md) and their exit conditions, as pure rules:
// given the facts of a program, which conditions of its current stage are unmet — each a message key
// with its values and the place where it is fixed. Facts that were not loaded (banks, pairs, completion)
// arrive as null and are reported unmet with that reason, never as met.

/** The stages in order; their titles are the vocabulary's (stages.title1…7), which documents print in Russian. */
export const STAGES = ([1, 2, 3, 4, 5, 6, 7] as const).map((number) => ({ number, title: words.stages[`title${number}`] }));

export const LAST_STAGE = 7;

export type ActKind = "MODEL_INTRODUCTION" | "REGULATION" | "ROADMAP_APPROVAL" | "CURATOR_APPOINTMENT" | "INCENTIVE_REGULATION" | "PAIRS_ORDER" | "OTHER";

export type ProgramFacts = {
  stage: number;
  curatorAssigned: boolean;
  /** Kinds of the organization's local acts approved by the director. */
  approvedActKinds: ActKind[];
  /** Roadmap activities of the current stage. */
  stageActivities: { title: string; status: string; recurrence: Recurrence }[];
  /** Bank figures; null while the banks are not kept in the app. */
  banks: { menteesWithNeedsAndConsent: number; mentorCandidatesWithConsent: number; mentorsApprovedAndTrained: number } | null;
  /** Pair figures; null while pairs are not kept in the app. */
  pairs: { approvedByOrder: number; approvedWithoutProgram: number; programsNotApproved: number; activeWithoutFinalOrClosure: number; feedbackCollected: boolean } | null;
  /** Completion figures (stage 7, lib/programs/facts.ts loadCompletionFacts); null when not loaded. */
  completion: CompletionFacts | null;
};

export type CompletionFacts = {
  /** Pairs of the program neither completed nor dissolved (proposed, approved or working). */
  openPairs: number;
  /** A satisfaction questionnaire of the program for mentees (SATISFACTION_MENTEE) is closed with answers. */
  menteeSatisfactionCollected: boolean;
  /** The same for mentors (SATISFACTION_MENTOR). */
  mentorSatisfactionCollected: boolean;
  /** An «после» assessment of the program (ASSESSMENT_AFTER, compared with its «до») is closed with answers. */
  assessmentCompared: boolean;
  /** Cases of best practice (BestPractice of kind CASE) written for the program. */
  cases: number;
  /** Awards and letters of thanks recorded for the program. */
  awards: number;
  /** Mentees the bank still shows «в паре» although their pairs of this program ended (the banks rule in facts.ts). */
  menteesNotUpdated: number;
  /** The final report (итоговый отчёт / аналитическая справка) of the program was produced. */
  finalReportProduced: boolean;
};

export type FixPlace = "acts" | "passport" | "roadmap" | "banks" | "pairs" | "surveys" | "practices" | "completion" | "monitoring";
/**
 * An unmet exit condition: a stable code, the message key (namespace «stageGate» of the message files) with its
 * values, and the place where it is fixed. The text is the reader's language (lib/programs/gate-text.ts); the
 * stage log keeps it in Russian.
 */
export type UnmetCondition = { code: string; key: string; values?: Record<string, string | number>; fix: FixPlace };

/** How many open activities the condition names; the rest are counted («и ещё 2»). */
const LISTED_ACTIVITIES = 3;

// Continuous and as-needed activities go on through the year; they do not hold a stage back.
function openActivities(facts: ProgramFacts): string[] {
  return facts.stageActivities
    .filter((a) => a.status !== "DONE" && a.status !== "CANCELLED")
    .filter((a) => a.recurrence !== "CONSTANTLY" && a.recurrence !== "AS_NEEDED")
    .map((a) => a.title);
}

export function unmetExitConditions(facts: ProgramFacts): UnmetCondition[] {
  const unmet: UnmetCondition[] = [];
  // An approved introduction order («О внедрении целевой модели наставничества») approves the Положение and
  // the roadmap and appoints the curator (lib/domain/stage1-pack.ts).
  const approved = new Set(coveredActKinds(facts.approvedActKinds));
  const add = (code: string, key: string, fix: FixPlace, values?: Record<string, string | number>) => unmet.push({ code, key, fix, ...(values ? { values } : {}) });

  switch (facts.stage) {
    case 1:
      if (!approved.has("REGULATION")) add("regulation", "regulation", "acts");
      if (!approved.has("ROADMAP_APPROVAL")) add("roadmap-approval", "roadmapApproval", "acts");
      if (!approved.has("CURATOR_APPOINTMENT")) add("curator-order", "curatorOrder", "acts");
      if (!facts.curatorAssigned) add("curator", "curator", "passport");
      break;
    case 2:
      if (!facts.banks) add("mentees", "menteesNotKept", "banks");
      else if (facts.banks.menteesWithNeedsAndConsent < 1) add("mentees", "mentees", "banks");
      break;
    case 3:
      if (!facts.banks) add("mentor-candidates", "mentorCandidatesNotKept", "banks");
      else if (facts.banks.mentorCandidatesWithConsent < 1) add("mentor-candidates", "mentorCandidates", "banks");
      break;
    case 4:
      if (!facts.banks) add("mentors-trained", "mentorsTrainedNotKept", "banks");
      else if (facts.banks.mentorsApprovedAndTrained < 1) add("mentors-trained", "mentorsTrained", "banks");
      break;
    case 5:
      if (!facts.pairs) add("pairs", "pairsNotKept", "pairs");
      else {
        if (facts.pairs.approvedByOrder < 1) add("pairs", "pairs", "pairs");
        if (facts.pairs.approvedWithoutProgram > 0) add("pair-programs", "pairPrograms", "pairs", { count: facts.pairs.approvedWithoutProgram });
        if (facts.pairs.programsNotApproved > 0) add("pair-programs-approval", "pairProgramsApproval", "pairs", { count: facts.pairs.programsNotApproved });
      }
      break;
    case 6:
      if (!facts.pairs) add("final-meetings", "finalMeetingsNotKept", "pairs");
      else {
        if (facts.pairs.activeWithoutFinalOrClosure > 0) add("final-meetings", "finalMeetings", "pairs", { count: facts.pairs.activeWithoutFinalOrClosure });
        if (!facts.pairs.feedbackCollected) add("feedback", "feedback", "pairs");
      }
      break;
    case 7: {
      const c = facts.completion;
      if (!c) {
        add("completion", "completionNotLoaded", "completion");
        break;
      }
      if (c.openPairs > 0) add("pairs-open", "pairsOpen", "pairs", { count: c.openPairs });
      if (!c.menteeSatisfactionCollected) add("satisfaction-mentees", "satisfactionMentees", "surveys");
      if (!c.mentorSatisfactionCollected) add("satisfaction-mentors", "satisfactionMentors", "surveys");
      if (!c.assessmentCompared) add("assessment", "assessment", "surveys");
      if (c.cases < 1) add("cases", "cases", "practices");
      if (c.awards < 1) add("awards", "awards", "completion");
      if (c.menteesNotUpdated > 0) add("banks-updated", "banksUpdated", "completion", { count: c.menteesNotUpdated });
      if (!c.finalReportProduced) add("final-report", "finalReport", "monitoring");
      break;
    }
    default:
      add("stage", "unknownStage", "passport", { stage: facts.stage });
  }

  const open = openActivities(facts);
  if (open.length > 0) {
    const list = open.slice(0, LISTED_ACTIVITIES).map((t) => `«${t}»`).join(", ");
    add("activities", "activities", "roadmap", { count: open.length, list, more: Math.max(0, open.length - LISTED_ACTIVITIES) });
  }
  return unmet;
}

/** A stage's Russian title, as documents print it. */
export function stageTitle(stage: number): string {
  return STAGES.find((s) => s.number === stage)?.title ?? String(stage);
}
