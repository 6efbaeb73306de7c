import { describe, expect, it } from "vitest";
import { unmetExitConditions, type CompletionFacts, type ProgramFacts } from "./stages";
import { unmetText } from "../programs/gate-text";

const done = { title: "x", status: "DONE", recurrence: "ONCE" as const };
const base: ProgramFacts = { stage: 1, curatorAssigned: true, approvedActKinds: [], stageActivities: [], banks: null, pairs: null, completion: null };
const codes = (facts: Partial<ProgramFacts>) => unmetExitConditions({ ...base, ...facts }).map((c) => c.code);
const messages = (facts: Partial<ProgramFacts>) => unmetExitConditions({ ...base, ...facts }).map((c) => unmetText(c));

describe("stage 1: preparing the conditions", () => {
  it("needs the regulation, the roadmap order, the curator's order and a curator", () => {
    expect(codes({ curatorAssigned: false })).toEqual(["regulation", "roadmap-approval", "curator-order", "curator"]);
    expect(messages({ curatorAssigned: false })[0]).toBe("Положение о наставничестве не утверждено руководителем.");
  });
  it("is met when all three acts are approved and the curator is set", () => {
    expect(codes({ approvedActKinds: ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"], stageActivities: [done] })).toEqual([]);
  });
  it("each missing act is reported on its own", () => {
    expect(codes({ approvedActKinds: ["REGULATION", "CURATOR_APPOINTMENT"] })).toEqual(["roadmap-approval"]);
    expect(codes({ approvedActKinds: ["ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"] })).toEqual(["regulation"]);
    expect(codes({ approvedActKinds: ["REGULATION", "ROADMAP_APPROVAL"] })).toEqual(["curator-order"]);
  });
});

describe("open roadmap activities hold every stage", () => {
  const acts: ProgramFacts["approvedActKinds"] = ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"];
  it("lists planned and in-progress one-off activities by name", () => {
    const facts = {
      approvedActKinds: acts,
      stageActivities: [
        { title: "Информирование педагогов", status: "PLANNED", recurrence: "ONCE" as const },
        { title: "Встреча с родителями", status: "IN_PROGRESS", recurrence: "ANNUALLY" as const },
        { title: "Освещение на сайте", status: "PLANNED", recurrence: "CONSTANTLY" as const },
        { title: "Консультации", status: "PLANNED", recurrence: "AS_NEEDED" as const },
        { title: "Отменено", status: "CANCELLED", recurrence: "ONCE" as const },
        done,
      ],
    };
    expect(messages(facts)).toEqual(["Не выполнены мероприятия этапа (2): «Информирование педагогов», «Встреча с родителями»."]);
  });
  it("shortens long lists", () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ title: `М${i + 1}`, status: "PLANNED", recurrence: "ONCE" as const }));
    expect(messages({ approvedActKinds: acts, stageActivities: many })).toEqual(["Не выполнены мероприятия этапа (5): «М1», «М2», «М3» и ещё 2."]);
  });
});

describe("stages 2–4: banks", () => {
  it("are unmet with the reason while banks are not kept in the app", () => {
    for (const stage of [2, 3, 4]) {
      const [condition] = unmetExitConditions({ ...base, stage });
      expect(condition?.fix).toBe("banks");
      expect((condition && unmetText(condition))).toContain("банки наставников и наставляемых пока не ведутся в приложении");
    }
  });
  const banks = { menteesWithNeedsAndConsent: 0, mentorCandidatesWithConsent: 0, mentorsApprovedAndTrained: 0 };
  it("stage 2 needs a mentee with needs and consent", () => {
    expect(codes({ stage: 2, banks })).toEqual(["mentees"]);
    expect(codes({ stage: 2, banks: { ...banks, menteesWithNeedsAndConsent: 1 } })).toEqual([]);
  });
  it("stage 3 needs a mentor candidate with consent", () => {
    expect(codes({ stage: 3, banks })).toEqual(["mentor-candidates"]);
    expect(codes({ stage: 3, banks: { ...banks, mentorCandidatesWithConsent: 2 } })).toEqual([]);
  });
  it("stage 4 needs an approved, trained mentor", () => {
    expect(codes({ stage: 4, banks: { ...banks, mentorCandidatesWithConsent: 3 } })).toEqual(["mentors-trained"]);
    expect(codes({ stage: 4, banks: { ...banks, mentorsApprovedAndTrained: 1 } })).toEqual([]);
  });
});

describe("stages 5–6: pairs", () => {
  const pairs = { approvedByOrder: 0, approvedWithoutProgram: 0, programsNotApproved: 0, activeWithoutFinalOrClosure: 0, feedbackCollected: false };
  it("are unmet with the reason while pairs are not kept in the app", () => {
    expect(unmetText(unmetExitConditions({ ...base, stage: 5 })[0]!)).toContain("наставнические пары пока не ведутся");
    expect(unmetText(unmetExitConditions({ ...base, stage: 6 })[0]!)).toContain("наставнические пары пока не ведутся");
  });
  it("stage 5 needs pairs secured by order, each with a personalized program", () => {
    expect(codes({ stage: 5, pairs })).toEqual(["pairs"]);
    expect(codes({ stage: 5, pairs: { ...pairs, approvedByOrder: 3, approvedWithoutProgram: 1 } })).toEqual(["pair-programs"]);
    expect(messages({ stage: 5, pairs: { ...pairs, approvedByOrder: 3, approvedWithoutProgram: 1 } })).toEqual(["У 1 утверждённых пар нет персонализированной программы."]);
    expect(codes({ stage: 5, pairs: { ...pairs, approvedByOrder: 3 } })).toEqual([]);
  });
  it("stage 5 needs every working pair's program approved by the curator, and names how many are not", () => {
    expect(codes({ stage: 5, pairs: { ...pairs, approvedByOrder: 3, programsNotApproved: 2 } })).toEqual(["pair-programs-approval"]);
    expect(messages({ stage: 5, pairs: { ...pairs, approvedByOrder: 3, programsNotApproved: 2 } })).toEqual([
      "Не согласованы куратором персонализированные программы пар: 2 (черновик или план изменён после согласования).",
    ]);
    expect(codes({ stage: 5, pairs: { ...pairs, approvedByOrder: 3, approvedWithoutProgram: 1, programsNotApproved: 1 } })).toEqual(["pair-programs", "pair-programs-approval"]);
    // Stage 6 does not ask it again: a plan changed while the pairs work is the program page's matter.
    expect(codes({ stage: 6, pairs: { ...pairs, programsNotApproved: 2, feedbackCollected: true } })).toEqual([]);
  });
  it("stage 6 needs final meetings or closures, and feedback", () => {
    expect(codes({ stage: 6, pairs: { ...pairs, activeWithoutFinalOrClosure: 2 } })).toEqual(["final-meetings", "feedback"]);
    expect(codes({ stage: 6, pairs: { ...pairs, feedbackCollected: true } })).toEqual([]);
  });
});

describe("stage 7: completion", () => {
  const met: CompletionFacts = {
    openPairs: 0,
    menteeSatisfactionCollected: true,
    mentorSatisfactionCollected: true,
    assessmentCompared: true,
    cases: 1,
    awards: 2,
    menteesNotUpdated: 0,
    finalReportProduced: true,
  };
  it("is unmet with the reason when the completion figures were not loaded", () => {
    const [condition] = unmetExitConditions({ ...base, stage: 7 });
    expect(condition).toMatchObject({ code: "completion", fix: "completion" });
  });
  it("is met when every figure is there", () => {
    expect(codes({ stage: 7, completion: met })).toEqual([]);
  });
  it("reports each missing figure on its own, with its place", () => {
    const cases: [Partial<CompletionFacts>, string, string][] = [
      [{ openPairs: 2 }, "pairs-open", "pairs"],
      [{ menteeSatisfactionCollected: false }, "satisfaction-mentees", "surveys"],
      [{ mentorSatisfactionCollected: false }, "satisfaction-mentors", "surveys"],
      [{ assessmentCompared: false }, "assessment", "surveys"],
      [{ cases: 0 }, "cases", "practices"],
      [{ awards: 0 }, "awards", "completion"],
      [{ menteesNotUpdated: 3 }, "banks-updated", "completion"],
      [{ finalReportProduced: false }, "final-report", "monitoring"],
    ];
    for (const [change, code, fix] of cases) {
      const unmet = unmetExitConditions({ ...base, stage: 7, completion: { ...met, ...change } });
      expect(unmet.map((c) => [c.code, c.fix])).toEqual([[code, fix]]);
    }
  });
  it("words the counts in Russian", () => {
    expect(messages({ stage: 7, completion: { ...met, openPairs: 2, menteesNotUpdated: 3 } })).toEqual([
      "Не закрыты пары программы (2): завершите или расформируйте их с указанием причины, предложенные — отклоните или отзовите.",
      "Банк наставляемых не обновлён: после окончания пар «в паре» числятся наставляемые (3).",
    ]);
  });
  it("lists everything at once for a program that has done nothing yet, then the open stage activities", () => {
    const nothing: CompletionFacts = { openPairs: 0, menteeSatisfactionCollected: false, mentorSatisfactionCollected: false, assessmentCompared: false, cases: 0, awards: 0, menteesNotUpdated: 0, finalReportProduced: false };
    expect(codes({ stage: 7, completion: nothing, stageActivities: [{ title: "Торжественное мероприятие", status: "PLANNED", recurrence: "ONCE" }] })).toEqual([
      "satisfaction-mentees",
      "satisfaction-mentors",
      "assessment",
      "cases",
      "awards",
      "final-report",
      "activities",
    ]);
  });
});

it("an unknown stage is never met", () => {
  expect(codes({ stage: 9 })).toEqual(["stage"]);
});
