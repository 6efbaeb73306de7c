import type { Recurrence } from "./due-period";
import { coveredActKinds } from "./stage1-pack";

// The seven stages of a mentoring program (docs/domain.md) and their exit conditions, as pure rules:
// given the facts of a program, which conditions of its current stage are unmet — each a Russian
// sentence with the place where it is fixed. Facts that were not loaded (banks, pairs, completion)
// arrive as null and are reported unmet with that reason, never as met.

export const STAGES = [
  { number: 1, title: "Подготовка условий для запуска программы наставничества", exit: "Положение и дорожная карта утверждены руководителем, куратор назначен" },
  { number: 2, title: "Формирование базы (банка) наставляемых", exit: "Есть наставляемый с записанными запросами и действующим согласием" },
  { number: 3, title: "Формирование базы (банка) наставников", exit: "Есть кандидат в наставники с действующим согласием" },
  { number: 4, title: "Отбор и обучение наставников", exit: "Есть наставник, утверждённый руководителем и прошедший обучение" },
  { number: 5, title: "Формирование наставнических пар / групп", exit: "Пары закреплены приказом руководителя, у каждой есть персонализированная программа" },
  { number: 6, title: "Организация работы наставнических пар / групп", exit: "У каждой активной пары итоговая встреча или закрытие с причиной; обратная связь собрана" },
  {
    number: 7,
    title: "Завершение наставничества (программы)",
    exit: "Пары закрыты, анкеты удовлетворённости и оценка «после» собраны, кейс оформлен, участники поощрены, банки обновлены, итоговый отчёт сформирован",
  },
] as const;

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
export type UnmetCondition = { code: string; message: string; fix: FixPlace };

const NOT_KEPT = {
  banks: "банки наставников и наставляемых пока не ведутся в приложении",
  pairs: "наставнические пары пока не ведутся в приложении",
  completion: "итоги программы не загружены",
};

function quoteList(titles: string[], max = 3): string {
  const shown = titles.slice(0, max).map((t) => `«${t}»`).join(", ");
  return titles.length > max ? `${shown} и ещё ${titles.length - max}` : shown;
}

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
  const add = (code: string, message: string, fix: FixPlace) => unmet.push({ code, message, fix });

  switch (facts.stage) {
    case 1:
      if (!approved.has("REGULATION")) add("regulation", "Положение о наставничестве не утверждено руководителем.", "acts");
      if (!approved.has("ROADMAP_APPROVAL")) add("roadmap-approval", "Дорожная карта не утверждена приказом руководителя.", "acts");
      if (!approved.has("CURATOR_APPOINTMENT")) add("curator-order", "Нет утверждённого приказа о назначении куратора.", "acts");
      if (!facts.curatorAssigned) add("curator", "Куратор не указан в паспорте программы.", "passport");
      break;
    case 2:
      if (!facts.banks) add("mentees", `Нет наставляемого с записанными запросами и действующим согласием на обработку персональных данных: ${NOT_KEPT.banks}.`, "banks");
      else if (facts.banks.menteesWithNeedsAndConsent < 1)
        add("mentees", "Нет ни одного наставляемого с записанными запросами и действующим согласием на обработку персональных данных.", "banks");
      break;
    case 3:
      if (!facts.banks) add("mentor-candidates", `Нет кандидата в наставники с действующим согласием: ${NOT_KEPT.banks}.`, "banks");
      else if (facts.banks.mentorCandidatesWithConsent < 1) add("mentor-candidates", "Нет ни одного кандидата в наставники с действующим согласием.", "banks");
      break;
    case 4:
      if (!facts.banks) add("mentors-trained", `Нет наставника, утверждённого руководителем и прошедшего обучение: ${NOT_KEPT.banks}.`, "banks");
      else if (facts.banks.mentorsApprovedAndTrained < 1) add("mentors-trained", "Нет ни одного наставника, утверждённого руководителем и прошедшего обучение.", "banks");
      break;
    case 5:
      if (!facts.pairs) add("pairs", `Нет пар, закреплённых приказом руководителя: ${NOT_KEPT.pairs}.`, "pairs");
      else {
        if (facts.pairs.approvedByOrder < 1) add("pairs", "Нет ни одной пары, закреплённой приказом руководителя.", "pairs");
        if (facts.pairs.approvedWithoutProgram > 0)
          add("pair-programs", `У ${facts.pairs.approvedWithoutProgram} утверждённых пар нет персонализированной программы.`, "pairs");
        if (facts.pairs.programsNotApproved > 0)
          add("pair-programs-approval", `Не согласованы куратором персонализированные программы пар: ${facts.pairs.programsNotApproved} (черновик или план изменён после согласования).`, "pairs");
      }
      break;
    case 6:
      if (!facts.pairs) add("final-meetings", `Итоговые встречи пар не отмечены: ${NOT_KEPT.pairs}.`, "pairs");
      else {
        if (facts.pairs.activeWithoutFinalOrClosure > 0)
          add("final-meetings", `У ${facts.pairs.activeWithoutFinalOrClosure} активных пар нет итоговой встречи, и они не закрыты с указанием причины.`, "pairs");
        if (!facts.pairs.feedbackCollected) add("feedback", "Обратная связь от участников не собрана.", "pairs");
      }
      break;
    case 7: {
      const c = facts.completion;
      if (!c) {
        add("completion", `Условия завершения программы не проверены: ${NOT_KEPT.completion}.`, "completion");
        break;
      }
      if (c.openPairs > 0)
        add("pairs-open", `Не закрыты пары программы (${c.openPairs}): завершите или расформируйте их с указанием причины, предложенные — отклоните или отзовите.`, "pairs");
      if (!c.menteeSatisfactionCollected) add("satisfaction-mentees", "Не собрана анкета удовлетворённости наставляемых: нет закрытой анкеты программы с ответами.", "surveys");
      if (!c.mentorSatisfactionCollected) add("satisfaction-mentors", "Не собрана анкета удовлетворённости наставников: нет закрытой анкеты программы с ответами.", "surveys");
      if (!c.assessmentCompared)
        add("assessment", "Не проведена оценка участников после программы: нет закрытой анкеты «после» с ответами для сравнения с оценкой «до».", "surveys");
      if (c.cases < 1) add("cases", "Не оформлен ни один кейс лучшей практики по итогам работы пар.", "practices");
      if (c.awards < 1) add("awards", "Не отмечено поощрение участников (благодарственные письма, грамоты).", "completion");
      if (c.menteesNotUpdated > 0)
        add("banks-updated", `Банк наставляемых не обновлён: после окончания пар «в паре» числятся наставляемые (${c.menteesNotUpdated}).`, "completion");
      if (!c.finalReportProduced) add("final-report", "Итоговый отчёт (аналитическая справка) о программе не сформирован.", "monitoring");
      break;
    }
    default:
      add("stage", `Неизвестный этап программы: ${facts.stage}.`, "passport");
  }

  const open = openActivities(facts);
  if (open.length > 0) add("activities", `Не выполнены мероприятия этапа (${open.length}): ${quoteList(open)}.`, "roadmap");
  return unmet;
}

export function stageTitle(stage: number): string {
  return STAGES.find((s) => s.number === stage)?.title ?? `Этап ${stage}`;
}
