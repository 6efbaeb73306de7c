import { describe, expect, it } from "vitest";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, STUDENT_CATEGORIES, TEACHER_CATEGORIES } from "./banks";
import { answeringOpen, surveyLinkExpiry, surveyLinkState, surveyRefusal, questionProblems, QUESTIONNAIRE_KINDS, TEXT_ANSWER_MAX, validateAnswers, type Answers, type Question, type QuestionProblem } from "./questionnaires";
import { translator } from "../i18n/translator";
import { templateQuestions } from "./questionnaire-templates";
import { aggregateAnswers, compareAssessments, menteeEntryFromAnswers, mentorEntryFromAnswers, satisfactionPercent, satisfiedFrom } from "./questionnaire-results";

const single: Question = { id: "s", type: "single", text: "Один вариант", required: true, options: [{ value: "a", label: "А" }, { value: "b", label: "Б" }] };
const multiple: Question = { id: "m", type: "multiple", text: "Несколько", required: true, options: [{ value: "x", label: "Икс" }, { value: "y", label: "Игрек" }, { value: "z", label: "Зет" }] };
const scale: Question = { id: "sc", type: "scale", text: "Шкала", required: true, scale: { min: 1, max: 5, minLabel: "плохо", maxLabel: "отлично" } };
const text: Question = { id: "t", type: "text", text: "Текст", required: false };
const all = [single, multiple, scale, text];

describe("templates", () => {
  it("every kind has Russian questions that pass the question checks", () => {
    for (const kind of QUESTIONNAIRE_KINDS) {
      const qs = templateQuestions(kind, { candidates: [{ value: "m1", label: "Иванова А. А." }, { value: "m2", label: "Петров Б. Б." }] });
      expect(qs.length, kind).toBeGreaterThan(0);
      expect(questionProblems(qs), kind).toEqual([]);
      for (const q of qs) expect(q.text, kind).toMatch(/[А-Яа-яЁё]/);
    }
  });

  it("the needs questionnaire offers the audience's categories, the difficulty tags and a free-text request", () => {
    const teachers = templateQuestions("MENTEE_NEEDS", { audience: "TEACHERS" });
    const category = teachers.find((q) => q.maps === "category")!;
    expect(category.type).toBe("single");
    expect(category.options!.map((o) => o.value)).toEqual(TEACHER_CATEGORIES);
    expect(category.options![0]!.label).toBe("Молодой педагог (стаж до 3 лет)");
    const difficulties = teachers.find((q) => q.maps === "difficulties")!;
    expect(difficulties.type).toBe("multiple");
    expect(difficulties.options!.map((o) => o.value)).not.toContain("CAREER");
    expect(teachers.find((q) => q.maps === "request")!.type).toBe("text");
    const students = templateQuestions("MENTEE_NEEDS", { audience: "STUDENTS" });
    expect(students.find((q) => q.maps === "category")!.options!.map((o) => o.value)).toEqual(STUDENT_CATEGORIES);
    expect(students.find((q) => q.maps === "difficulties")!.options!.map((o) => o.value)).toEqual(Object.keys(DIFFICULTY_TAGS));
  });

  it("the mentor questionnaire asks competencies, achievements and a capacity of 1–5", () => {
    const qs = templateQuestions("MENTOR_PROFILE");
    expect(qs.find((q) => q.maps === "competencies")!.options!.map((o) => o.value)).toEqual(Object.keys(COMPETENCY_TAGS));
    expect(qs.find((q) => q.maps === "achievements")!.type).toBe("text");
    expect(qs.find((q) => q.maps === "capacity")).toMatchObject({ type: "scale", scale: { min: 1, max: 5 } });
  });

  it("the preference questionnaire asks first, second and third choice among the given mentors", () => {
    const candidates = [{ value: "m1", label: "Иванова Анна" }, { value: "m2", label: "Петров Борис" }];
    const qs = templateQuestions("PREFERENCE", { candidates });
    const choices = qs.filter((q) => q.type === "single");
    expect(choices.map((q) => q.id)).toEqual(["choice1", "choice2", "choice3"]);
    expect(choices.map((q) => q.required)).toEqual([true, false, false]);
    for (const q of choices) expect(q.options).toEqual(candidates);
    // copies, not the caller's objects
    expect(choices[0]!.options![0]).not.toBe(candidates[0]);
  });

  it("satisfaction questionnaires have 1–5 scales marked for the indicator, and a text question", () => {
    for (const kind of ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR"] as const) {
      const qs = templateQuestions(kind);
      const marked = qs.filter((q) => q.maps === "satisfaction");
      expect(marked.length).toBeGreaterThanOrEqual(3);
      for (const q of marked) expect(q).toMatchObject({ type: "scale", scale: { min: 1, max: 5 } });
      expect(qs.some((q) => q.type === "text")).toBe(true);
    }
  });

  it("before and after assessments ask the same questions, and templates are fresh copies", () => {
    expect(templateQuestions("ASSESSMENT_AFTER")).toEqual(templateQuestions("ASSESSMENT_BEFORE"));
    const a = templateQuestions("SATISFACTION_MENTEE");
    a[0]!.scale!.max = 10;
    expect(templateQuestions("SATISFACTION_MENTEE")[0]!.scale!.max).toBe(5);
  });
});

// The problems are message keys with values; the refusal words them (here in Russian).
const ru = (p: QuestionProblem) => translator("ru")(`surveys.questionProblems.${p.key}`, p.values);

describe("question checks", () => {
  it("reports choices without two options, duplicate ids, bad scales and mismatched markers", () => {
    const problems = questionProblems([
      { ...single, options: [{ value: "a", label: "А" }] },
      { ...text, id: "s" },
      { ...scale, scale: { min: 3, max: 3, minLabel: "", maxLabel: "" } },
      { ...text, id: "c", maps: "capacity" },
    ]).map(ru);
    expect(problems).toEqual([
      "Вопрос 1: нужно не меньше двух вариантов ответа.",
      "Вопрос 2: идентификатор вопроса повторяется.",
      "Вопрос 3: шкала должна быть от 0 или 1 до значения не больше 10.",
      "Вопрос 4: тип вопроса не подходит для данных, которые он передаёт в банк или показатель.",
    ]);
    expect(questionProblems([]).map(ru)).toEqual(["В анкете нет ни одного вопроса."]);
  });
});

describe("validating one person's answers", () => {
  it("accepts good answers and cleans them (numbers on scales, trimmed text, lists, unknown keys dropped)", () => {
    expect(validateAnswers(all, { s: "a", m: "y", sc: "4", t: "  спасибо  ", extra: "x" })).toEqual({ ok: true, answers: { s: "a", m: ["y"], sc: 4, t: "спасибо" } });
    expect(validateAnswers(all, { s: "b", m: ["x", "z", "x"], sc: 5 })).toEqual({ ok: true, answers: { s: "b", m: ["x", "z"], sc: 5 } });
  });

  it("gives an error code per question (the forms and the action word it: errors.answer*)", () => {
    const res = validateAnswers(all, { s: "c", m: [], sc: 6, t: "я".repeat(TEXT_ANSWER_MAX + 1) });
    expect(res).toEqual({
      ok: false,
      errors: {
        s: { code: "option" },
        m: { code: "required" },
        sc: { code: "scale" },
        t: { code: "tooLong" },
      },
    });
  });

  it("requires required questions only, and refuses wrong types", () => {
    expect(validateAnswers(all, {})).toMatchObject({ ok: false, errors: { s: { code: "required" }, m: { code: "required" }, sc: { code: "required" } } });
    expect(validateAnswers([text], {})).toEqual({ ok: true, answers: {} });
    expect(validateAnswers([scale], { sc: "четыре" })).toMatchObject({ ok: false, errors: { sc: { code: "type" } } });
    expect(validateAnswers([scale], { sc: 3.5 })).toMatchObject({ ok: false, errors: { sc: { code: "scale" } } });
    expect(validateAnswers([multiple], { m: ["x", "w"] })).toMatchObject({ ok: false, errors: { m: { code: "option" } } });
    expect(validateAnswers([text], { t: ["a"] })).toMatchObject({ ok: false, errors: { t: { code: "type" } } });
  });
});

describe("aggregates", () => {
  const answered: Answers[] = [
    { s: "a", m: ["x", "y"], sc: 5, t: "Хорошо" },
    { s: "a", m: ["y"], sc: 4 },
    { s: "b", m: ["y", "z"], sc: 2, t: "Мало встреч" },
    { sc: 3 },
  ];

  it("counts choices with percentages of those who answered the question", () => {
    const [s, m] = aggregateAnswers(all, answered);
    expect(s).toMatchObject({ respondents: 3, options: [{ value: "a", count: 2, percent: 66.7 }, { value: "b", count: 1, percent: 33.3 }] });
    expect(m).toMatchObject({ respondents: 3, options: [{ value: "x", count: 1, percent: 33.3 }, { value: "y", count: 3, percent: 100 }, { value: "z", count: 1, percent: 33.3 }] });
  });

  it("gives the mean and distribution of a scale, and the list of texts", () => {
    const [, , sc, t] = aggregateAnswers(all, answered);
    expect(sc).toMatchObject({
      respondents: 4,
      mean: 3.5,
      distribution: [
        { value: 1, count: 0, percent: 0 },
        { value: 2, count: 1, percent: 25 },
        { value: 3, count: 1, percent: 25 },
        { value: 4, count: 1, percent: 25 },
        { value: 5, count: 1, percent: 25 },
      ],
    });
    expect(t).toEqual({ questionId: "t", type: "text", text: "Текст", respondents: 2, texts: ["Хорошо", "Мало встреч"] });
  });

  it("has no mean without answers", () => {
    expect(aggregateAnswers([scale], [])[0]).toMatchObject({ respondents: 0, mean: null });
  });
});

describe("satisfaction percent", () => {
  const q1: Question = { ...scale, id: "q1", maps: "satisfaction" };
  const q2: Question = { ...scale, id: "q2", maps: "satisfaction" };
  const plain: Question = { ...scale, id: "q3" };

  it("is the share of satisfaction answers at 4 or 5 out of 5", () => {
    expect(satisfiedFrom({ min: 1, max: 5, minLabel: "", maxLabel: "" })).toBe(4);
    // q1: 5, 4, 3 → 2 of 3; q2: 2, 4 → 1 of 2; q3 is not a satisfaction question → 3 of 5 = 60 %
    const answers: Answers[] = [{ q1: 5, q2: 2, q3: 1 }, { q1: 4, q2: 4, q3: 1 }, { q1: 3 }];
    expect(satisfactionPercent([q1, q2, plain], answers)).toBe(60);
  });

  it("rounds to one decimal and is null without any satisfaction answer", () => {
    expect(satisfactionPercent([q1], [{ q1: 5 }, { q1: 5 }, { q1: 1 }])).toBe(66.7);
    expect(satisfactionPercent([q1, plain], [{ q3: 5 }])).toBeNull();
    expect(satisfactionPercent([plain], [{ q3: 5 }])).toBeNull();
  });

  it("works on the ready template", () => {
    const qs = templateQuestions("SATISFACTION_MENTOR");
    const ids = qs.filter((q) => q.maps === "satisfaction").map((q) => q.id);
    const everyone = (v: number) => Object.fromEntries(ids.map((id) => [id, v]));
    expect(satisfactionPercent(qs, [everyone(5), everyone(4), everyone(3), everyone(1)])).toBe(50);
  });
});

describe("before / after comparison", () => {
  it("compares the means of the shared scale questions", () => {
    const before = templateQuestions("ASSESSMENT_BEFORE");
    const after = templateQuestions("ASSESSMENT_AFTER");
    const rows = compareAssessments(before, after, [{ confidence: 2, methods: 3 }, { confidence: 3 }], [{ confidence: 4, methods: 4 }, { confidence: 5 }]);
    expect(rows.map((r) => r.questionId)).toEqual(before.filter((q) => q.type === "scale").map((q) => q.id));
    expect(rows[0]).toMatchObject({ questionId: "confidence", before: 2.5, after: 4.5, change: 2, respondentsBefore: 2, respondentsAfter: 2 });
    expect(rows[1]).toMatchObject({ questionId: "methods", before: 3, after: 4, change: 1 });
    expect(rows[2]).toMatchObject({ questionId: "planning", before: null, after: null, change: null });
  });

  it("skips questions the before questionnaire did not have", () => {
    expect(compareAssessments([scale], [{ ...scale, id: "new" }, scale], [{ sc: 1 }], [{ sc: 2, new: 5 }]).map((r) => r.questionId)).toEqual(["sc"]);
  });
});

describe("what the answers give the banks", () => {
  const needs = templateQuestions("MENTEE_NEEDS");

  it("a needs questionnaire gives the category, the difficulty tags and the request", () => {
    const answers: Answers = { category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE", "PARENTS", "UNKNOWN"], request: " Как вести родительское собрание " };
    expect(menteeEntryFromAnswers(needs, answers, "TEACHER")).toEqual({ category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE", "PARENTS"], request: "Как вести родительское собрание" });
  });

  it("a category that does not fit the person is dropped; nothing answered gives nothing", () => {
    expect(menteeEntryFromAnswers(needs, { category: "YOUNG_SPECIALIST", difficulties: ["STUDY_SKILLS"] }, "STUDENT")).toEqual({ category: null, difficulties: ["STUDY_SKILLS"], request: null });
    expect(menteeEntryFromAnswers(needs, {}, "TEACHER")).toEqual({ category: null, difficulties: [], request: null });
  });

  it("reads by the markers, not by question ids", () => {
    const renamed = needs.map((q, i) => ({ ...q, id: `x${i}` }));
    expect(menteeEntryFromAnswers(renamed, { x0: "GIFTED", x1: ["GIFTED_WORK"] }, "STUDENT")).toEqual({ category: "GIFTED", difficulties: ["GIFTED_WORK"], request: null });
  });

  it("a mentor questionnaire gives competencies, achievements and capacity", () => {
    const qs = templateQuestions("MENTOR_PROFILE");
    expect(mentorEntryFromAnswers(qs, { competencies: ["METHODS", "DIGITAL", "NOPE"], achievements: "Победитель конкурса «Учитель года» 2024", capacity: 3 })).toEqual({
      competencies: ["METHODS", "DIGITAL"],
      achievements: "Победитель конкурса «Учитель года» 2024",
      capacity: 3,
    });
    expect(mentorEntryFromAnswers(qs, { capacity: "2" }).capacity).toBe(2);
    expect(mentorEntryFromAnswers(qs, { capacity: 0 })).toEqual({ competencies: [], achievements: null, capacity: null });
  });
});

describe("links and the answering window", () => {
  const issued = new Date("2026-10-01T10:00:00Z");
  const today = new Date("2026-10-01T00:00:00Z"); // the calendar date of `issued` in the school's zone

  it("a link lives through the closing day, else 14 days", () => {
    expect(surveyLinkExpiry(issued, new Date("2026-10-10T00:00:00Z"), "UTC").toISOString()).toBe("2026-10-11T00:00:00.000Z");
    expect(surveyLinkExpiry(issued, null, "UTC").toISOString()).toBe("2026-10-15T10:00:00.000Z");
  });

  it("the closing day ends at midnight on the school's calendar, not UTC's", () => {
    const closesOn = new Date("2026-10-10T00:00:00Z");
    expect(surveyLinkExpiry(issued, closesOn, "Europe/Moscow").toISOString()).toBe("2026-10-10T21:00:00.000Z");
    expect(surveyLinkExpiry(issued, closesOn, "Asia/Vladivostok").toISOString()).toBe("2026-10-10T14:00:00.000Z");
    // Kaliningrad (UTC+2): a UTC-midnight expiry would have cut the link off at 02:00 on the 11th local — here 22:00 UTC.
    expect(surveyLinkExpiry(issued, closesOn, "Europe/Kaliningrad").toISOString()).toBe("2026-10-10T22:00:00.000Z");
  });

  it("answers are accepted only while open and before the closing day ends", () => {
    expect(answeringOpen({ status: "OPEN", closesOn: null }, today)).toBe(true);
    expect(answeringOpen({ status: "DRAFT", closesOn: null }, today)).toBe(false);
    expect(answeringOpen({ status: "CLOSED", closesOn: null }, today)).toBe(false);
    expect(answeringOpen({ status: "OPEN", closesOn: new Date("2026-10-01T00:00:00Z") }, today)).toBe(true);
    expect(answeringOpen({ status: "OPEN", closesOn: new Date("2026-09-30T00:00:00Z") }, today)).toBe(false);
  });

  it("tells used, closed, expired and valid links apart", () => {
    const open = { status: "OPEN" as const, closesOn: null };
    const fresh = { linkUsedAt: null, linkExpiresAt: new Date("2026-10-05T00:00:00Z") };
    expect(surveyLinkState(fresh, open, issued, today)).toBe("valid");
    expect(surveyLinkState({ ...fresh, linkUsedAt: issued }, { ...open, status: "CLOSED" }, issued, today)).toBe("used");
    expect(surveyLinkState(fresh, { ...open, status: "CLOSED" }, issued, today)).toBe("closed");
    expect(surveyLinkState({ ...fresh, linkExpiresAt: new Date("2026-09-30T00:00:00Z") }, open, issued, today)).toBe("expired");
    expect(surveyLinkState(null, null, issued, today)).toBe("unknown");
  });
});

describe("who may be asked", () => {
  const at = new Date("2026-10-01T10:00:00Z");
  const consent = { purposes: ["SURVEYS" as const], givenBy: "SUBJECT" as const, givenAt: new Date("2026-09-02T00:00:00Z"), separateDocument: true };
  const adult = { birthDate: new Date("1990-01-01T00:00:00Z"), active: true };

  it("needs a valid consent to surveys and active work", () => {
    expect(surveyRefusal(adult, [consent], at)).toBeNull();
    // The problems as the refusal's details word them in Russian.
    const said = (problem: ReturnType<typeof surveyRefusal>) => problem && translator("ru")(`errors.${problem.key}` as "errors.notFound", (problem.values ?? {}) as never);
    expect(said(surveyRefusal(adult, [{ ...consent, purposes: ["BANK"] }], at))).toBe(
      "Нельзя обрабатывать персональные данные: нет согласия на цель «участие в анкетировании и мониторинге».",
    );
    expect(said(surveyRefusal({ ...adult, active: false }, [consent], at))).toBe("Человек выведен из активной работы.");
    expect(said(surveyRefusal({ birthDate: new Date("2012-01-01T00:00:00Z"), active: true }, [consent], at))).toMatch(/законный представитель/);
  });
});
