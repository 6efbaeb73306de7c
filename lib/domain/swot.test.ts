import { describe, expect, it } from "vitest";
import { formSwot, mergedSwot, noteLines, readSwotNotes, type FormEvidence, type FormSwot, type SwotLine } from "./swot";
import { translator } from "../i18n/translator";
import { SATISFACTION_MENTEE, SATISFACTION_MENTOR, templateQuestions } from "./questionnaire-templates";

// The computed lines are message keys with values; the school's report prints them in Russian.
const t = translator("ru");
const text = (l: SwotLine) => t(`swot.lines.${l.key}`, l.values);
const ru = (s: FormSwot) => mergedSwot(s.computed, undefined, text);

const pairs = { total: 4, completed: 0, dissolved: 0, silent: 0 };
const base: FormEvidence = { form: "TEACHER_TEACHER", pairs, mentees: null, mentors: null, assessment: null };
const mentee = (overall: number, meetings: number, extra: Record<string, string> = {}) => ({ overall, meetings, communication: 5, organization: 3, help: 4, ...extra });

describe("the SWOT of one form (decision 049)", () => {
  it("a question most rate 4–5 is a strength, one fewer than half rate so is a weakness, the middle neither", () => {
    // overall: 3 of 4 high (75 %) → strength; meetings: 1 of 4 (25 %) → weakness; organization: all 3 → weakness;
    // help: 4 of 4 → strength; communication: 4 of 4 → strength.
    const answers = [mentee(5, 2), mentee(4, 3), mentee(4, 4), mentee(2, 1)];
    const s = formSwot({ ...base, mentees: { questions: SATISFACTION_MENTEE, answers, asked: 4 } });
    expect(ru(s).strengths).toEqual([
      "«Насколько вы удовлетворены участием в программе наставничества в целом»: высоко оценили 75 % наставляемых (средняя оценка 3,8 из 5)",
      "«Насколько комфортным было общение с наставником»: высоко оценили 100 % наставляемых (средняя оценка 5,0 из 5)",
      "«Насколько программа помогла вам справиться с затруднениями»: высоко оценили 100 % наставляемых (средняя оценка 4,0 из 5)",
    ]);
    expect(ru(s).weaknesses).toEqual([
      "«Насколько полезными для вас были встречи с наставником»: высоко оценили лишь 25 % наставляемых (средняя оценка 2,5 из 5)",
      "«Насколько вы удовлетворены организацией программы (график, формат встреч)»: высоко оценили лишь 0 % наставляемых (средняя оценка 3,0 из 5)",
    ]);
    expect(s).toMatchObject({ answered: 4, asked: 4, pairs: 4, form: "TEACHER_TEACHER" });
    expect(t(`vocabulary.mentoringForm.${s.form}`)).toBe("Учитель – учитель");
  });

  it("74 % is not yet a strength and exactly 50 % is not a weakness", () => {
    const q = [{ id: "x", type: "scale" as const, text: "Вопрос?", required: true, scale: { min: 1, max: 5, minLabel: "", maxLabel: "" } }];
    const at = (high: number, of: number) => Array.from({ length: of }, (_, i) => ({ x: i < high ? 5 : 1 }));
    expect(ru(formSwot({ ...base, mentees: { questions: q, answers: at(74, 100), asked: 100 } }))).toEqual({ strengths: [], weaknesses: [], opportunities: [], threats: [] });
    expect(ru(formSwot({ ...base, mentees: { questions: q, answers: at(1, 2), asked: 2 } })).weaknesses).toEqual([]);
  });

  it("readiness to mentor or to continue is an opportunity; refusing to continue and dissolved or silent pairs are threats", () => {
    const mentors = [
      { overall: 4, interaction: 4, support: 4, organization: 4, growth: 4, continue: "yes" },
      { overall: 4, interaction: 4, support: 4, organization: 4, growth: 4, continue: "no" },
      { overall: 4, interaction: 4, support: 4, organization: 4, growth: 4, continue: "unsure" },
    ];
    const s = formSwot({
      ...base,
      pairs: { total: 5, completed: 2, dissolved: 1, silent: 1 },
      mentees: { questions: SATISFACTION_MENTEE, answers: [mentee(4, 4, { becomeMentor: "yes" }), mentee(4, 4, { becomeMentor: "unsure" })], asked: 2 },
      mentors: { questions: SATISFACTION_MENTOR, answers: mentors, asked: 3 },
    });
    expect(ru(s).opportunities).toEqual([
      "1 из 2 наставляемых хотели бы стать наставниками — резерв базы наставников",
      "1 из 3 наставников готовы продолжить работу наставником",
      "2 из 5 пар завершили программу — их опыт можно представить как лучшие практики",
    ]);
    expect(ru(s).threats).toEqual([
      "1 из 3 наставников не готовы продолжить — риск нехватки наставников в следующем году",
      "1 из 5 пар расформированы до завершения программы",
      "Без встреч больше четырёх недель — 1 из 5 пар",
    ]);
  });

  it("growth of a criterion by 0.5 or more is a strength, none is a weakness; few answers make a weakness", () => {
    const questions = templateQuestions("ASSESSMENT_BEFORE");
    const before = [{ confidence: 2, methods: 3, planning: 4 }];
    const after = [{ confidence: 4, methods: 3, planning: 4.4 as number }];
    const s = formSwot({ ...base, assessment: { before: { questions, answers: before, asked: 1 }, after: { questions, answers: after, asked: 3 } } });
    expect(ru(s).strengths).toEqual(["Рост по критерию «Оцените вашу уверенность в профессиональной (учебной) деятельности»: 2,0 → 4,0 (до и после программы)"]);
    expect(ru(s).weaknesses).toEqual(["Нет роста по критерию «Оцените ваше владение методиками, приёмами, способами работы (учёбы)»: 3,0 → 3,0 (до и после программы)"]);
    const few = formSwot({ ...base, mentors: { questions: SATISFACTION_MENTOR, answers: [], asked: 3 } });
    expect(ru(few).weaknesses).toEqual(["Анкету заполнили 0 из 3 наставников — обратная связь неполная, выводы предварительные"]);
  });

  it("collects the participants' suggestions verbatim and leaves blank ones out", () => {
    const s = formSwot({ ...base, mentees: { questions: SATISFACTION_MENTEE, answers: [mentee(4, 4, { suggestions: "  Чаще встречаться  " }), mentee(4, 4, { suggestions: " " })], asked: 2 } });
    expect(s.suggestions).toEqual(["Чаще встречаться"]);
  });
});

describe("the curator's lines", () => {
  it("one item per line, list markers and blanks dropped", () => {
    expect(noteLines("— Сильный коллектив\r\n\n* Поддержка директора \n  ")).toEqual(["Сильный коллектив", "Поддержка директора"]);
    expect(noteLines(undefined)).toEqual([]);
  });

  it("stored notes are read defensively and follow the computed lines in the table", () => {
    const notes = readSwotNotes({ TEACHER_TEACHER: { strengths: ["Своё", 5], threats: "не список" }, UNKNOWN: { strengths: ["x"] }, STUDENT_STUDENT: null });
    expect(notes).toEqual({ TEACHER_TEACHER: { strengths: ["Своё"], weaknesses: [], opportunities: [], threats: [] } });
    expect(readSwotNotes("строка")).toEqual({});
    expect(mergedSwot({ strengths: [{ key: "pairsSilent", values: { count: 1, total: 2 } }], weaknesses: [], opportunities: [], threats: [] }, notes.TEACHER_TEACHER, text).strengths).toEqual(["Без встреч больше четырёх недель — 1 из 2 пар", "Своё"]);
  });
});
