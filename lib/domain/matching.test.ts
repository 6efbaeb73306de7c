import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS, NO_FREE_MENTORS, NO_RULES, scoreMatrix, scorePair, suggestMentors,
  type Assignment, type MatchMentee, type MatchMentor, type MatchText, type Objective, type Rule, type Rules, type Weights,
} from "./matching";
import { assignPool, solveAssignment } from "./matching-assignment";
import { translator } from "../i18n/translator";
import { sayExcluded } from "../pairs/match-text";
import { inRussian as ru, matchWords } from "../pairs/match-words";

// The matching returns message keys with values (pairs.matching); the tests read them in Russian, as the pages do.
const russian = translator("ru");
const said = (excluded: MatchText[] | null) => (excluded ? sayExcluded(matchWords("ru").words, excluded) : null);

const mentee = (over: Partial<MatchMentee> = {}): MatchMentee => ({
  id: "e1", personId: "p-e1", kind: "TEACHER", organizationId: "school-1", subjects: ["Математика"], difficulties: [], experienceYears: 1, preferences: [], ...over,
});
const mentor = (over: Partial<MatchMentor> = {}): MatchMentor => ({
  id: "m1", personId: "p-m1", kind: "TEACHER", organizationId: "school-1", subjects: ["Математика"], competencies: [], experienceYears: 11,
  remainingCapacity: 1, capacity: 1, ...over,
});
const only = (over: Partial<Weights>): Weights => ({ subject: 0, difficulties: 0, experience: 0, sameSchool: 0, capacity: 0, preference: 0, ...over });
const criterion = (score: ReturnType<typeof scorePair>, key: keyof Weights) => {
  const c = score.criteria.find((x) => x.key === key)!;
  return { ...c, title: russian(`pairs.criteria.${c.key}` as never), note: ru(c.note) };
};
const must = (criterion: Rule["criterion"]): Rules => ({ rules: [{ criterion, kind: "must" }] });
const never = (criterion: Rule["criterion"]): Rules => ({ rules: [{ criterion, kind: "never" }] });

describe("scorePair: values, notes and contributions", () => {
  const e = mentee({
    subjects: ["Математика", "Физика"], difficulties: ["PARENTS", "DIGITAL", "DISCIPLINE"], experienceYears: 1, preferences: ["m2", "m1"],
  });
  const m = mentor({ subjects: [" математика "], competencies: ["PARENTS", "DIGITAL", "METHODS"], experienceYears: 8, remainingCapacity: 1, capacity: 2 });
  const score = scorePair(e, m, DEFAULT_WEIGHTS, NO_RULES);

  it("explains every criterion in Russian", () => {
    expect(criterion(score, "subject")).toMatchObject({ value: 1, note: "общий предмет: Математика", title: "Совпадение предмета" });
    expect(criterion(score, "difficulties").value).toBeCloseTo(2 / 3, 12);
    expect(criterion(score, "difficulties").note).toBe("закрывает 2 из 3 затруднений: Работа с родителями; Цифровые инструменты, ИКТ");
    expect(criterion(score, "experience")).toMatchObject({ value: 0.7, note: "опыт наставника больше на 7 лет" });
    expect(criterion(score, "sameSchool")).toMatchObject({ value: 1, note: "та же организация" });
    expect(criterion(score, "capacity")).toMatchObject({ value: 0.5, note: "свободных мест: 1 из 2" });
    expect(criterion(score, "preference")).toMatchObject({ value: 0.66, note: "2-й выбор наставляемого" });
    expect(score.criteria.map((c) => criterion(score, c.key).title)).toEqual([
      "Совпадение предмета", "Затруднения и компетенции", "Разница в опыте", "Та же организация", "Свободные места у наставника", "Выбор наставляемого",
    ]);
  });

  it("multiplies each value by its weight and sums the contributions", () => {
    for (const c of score.criteria) {
      expect(c.weight).toBe(DEFAULT_WEIGHTS[c.key]);
      expect(c.contribution).toBeCloseTo(c.value * c.weight, 12);
    }
    expect(score.total).toBeCloseTo(6 * 1 + 8 * (2 / 3) + 4 * 0.7 + 3 * 1 + 2 * 0.5 + 6 * 0.66, 10);
    expect(score.excluded).toBeNull();
  });

  it("is neutral when nothing can be judged and clamps the experience gap", () => {
    const blank = scorePair(mentee({ difficulties: [], experienceYears: null, subjects: [] }), mentor({ experienceYears: 30 }), DEFAULT_WEIGHTS, NO_RULES);
    expect(criterion(blank, "difficulties")).toMatchObject({ value: 0.5, note: "у наставляемого не записаны затруднения — нейтральная оценка" });
    expect(criterion(blank, "experience")).toMatchObject({ value: 0.5, note: "у наставляемого не указан стаж — нейтральная оценка" });
    expect(criterion(blank, "subject")).toMatchObject({ value: 0, note: "у наставляемого не указан предмет" });
    expect(criterion(blank, "preference")).toMatchObject({ value: 0, note: "наставляемый не указал предпочтений" });

    expect(criterion(scorePair(mentee({ experienceYears: 2 }), mentor({ experienceYears: 30 }), DEFAULT_WEIGHTS, NO_RULES), "experience").value).toBe(1);
    const younger = scorePair(mentee({ experienceYears: 6 }), mentor({ experienceYears: 3 }), DEFAULT_WEIGHTS, NO_RULES);
    expect(criterion(younger, "experience")).toMatchObject({ value: 0, note: "стаж наставника меньше на 3 года" });
    const none = scorePair(mentee({ difficulties: ["STRESS", "STRESS"] }), mentor({ competencies: ["DIGITAL"] }), DEFAULT_WEIGHTS, NO_RULES);
    expect(criterion(none, "difficulties")).toMatchObject({ value: 0, note: "не закрывает ни одного из 1 затруднения" });
  });

  it("values the first three choices 1, 0.66, 0.33 and other places 0", () => {
    const prefs = ["a", "b", "c", "m1"];
    expect(criterion(scorePair(mentee({ preferences: prefs }), mentor({ id: "a" }), DEFAULT_WEIGHTS, NO_RULES), "preference").value).toBe(1);
    expect(criterion(scorePair(mentee({ preferences: prefs }), mentor({ id: "c" }), DEFAULT_WEIGHTS, NO_RULES), "preference").value).toBe(0.33);
    const fourth = criterion(scorePair(mentee({ preferences: prefs }), mentor({ id: "m1" }), DEFAULT_WEIGHTS, NO_RULES), "preference");
    expect(fourth).toMatchObject({ value: 0, note: "4-й выбор наставляемого (учитываются первые 3)" });
  });

  it("clamps weights to 0..10", () => {
    const s = scorePair(mentee(), mentor(), only({ subject: 25, sameSchool: -3 }), NO_RULES);
    expect(criterion(s, "subject").weight).toBe(10);
    expect(criterion(s, "sameSchool").weight).toBe(0);
    expect(s.total).toBe(10);
  });
});

describe("rules and exclusions", () => {
  it("must share a subject", () => {
    const s = scorePair(mentee({ subjects: ["Химия"] }), mentor(), DEFAULT_WEIGHTS, must("subject"));
    expect(said(s.excluded)).toBe("Нет общего предмета (правило «Обязательно общий предмет»).");
    expect(scorePair(mentee(), mentor(), DEFAULT_WEIGHTS, must("subject")).excluded).toBeNull();
  });
  it("never the same school (district-wide exchange) and must be the same school", () => {
    expect(said(scorePair(mentee(), mentor(), DEFAULT_WEIGHTS, never("sameSchool")).excluded)).toBe("Наставник из той же организации (правило «Только из другой организации»).");
    expect(scorePair(mentee(), mentor({ organizationId: "school-2" }), DEFAULT_WEIGHTS, never("sameSchool")).excluded).toBeNull();
    expect(said(scorePair(mentee(), mentor({ organizationId: "school-2" }), DEFAULT_WEIGHTS, must("sameSchool")).excluded)).toBe("Наставник из другой организации (правило «Только из своей организации»).");
  });
  it("must cover a difficulty — a mentee without difficulties cannot meet it", () => {
    expect(scorePair(mentee({ difficulties: ["STRESS"] }), mentor({ competencies: ["stress"] }), DEFAULT_WEIGHTS, must("difficulties")).excluded).toBeNull();
    expect(said(scorePair(mentee({ difficulties: ["STRESS"] }), mentor({ competencies: ["DIGITAL"] }), DEFAULT_WEIGHTS, must("difficulties")).excluded)).toBe(
      "Не закрывает ни одного затруднения (правило «Закрывает хотя бы одно затруднение»).",
    );
    expect(said(scorePair(mentee({ difficulties: [] }), mentor({ competencies: ["DIGITAL"] }), DEFAULT_WEIGHTS, must("difficulties")).excluded)).toBe(
      "У наставляемого не записаны затруднения (правило «Закрывает хотя бы одно затруднение»).",
    );
  });
  it("must have at least 5 years more experience; never for peer mentoring", () => {
    expect(said(scorePair(mentee({ experienceYears: 1 }), mentor({ experienceYears: 5 }), DEFAULT_WEIGHTS, must("experience")).excluded)).toBe("Разница в стаже меньше 5 лет (правило «Стаж наставника больше не менее чем на 5 лет»).");
    expect(scorePair(mentee({ experienceYears: 1 }), mentor({ experienceYears: 6 }), DEFAULT_WEIGHTS, must("experience")).excluded).toBeNull();
    expect(said(scorePair(mentee({ experienceYears: null }), mentor(), DEFAULT_WEIGHTS, must("experience")).excluded)).toContain("У наставляемого не указан стаж");
    expect(said(scorePair(mentee({ experienceYears: 1 }), mentor({ experienceYears: 6 }), DEFAULT_WEIGHTS, never("experience")).excluded)).toContain("5 лет и более");
    expect(scorePair(mentee({ experienceYears: 1 }), mentor({ experienceYears: 5 }), DEFAULT_WEIGHTS, never("experience")).excluded).toBeNull();
  });
  it("excludes pairs by hand, the same person in both banks, and a student mentoring an adult", () => {
    const rules: Rules = { rules: [], excludedPairs: [{ menteeId: "e1", mentorId: "m1" }] };
    expect(said(scorePair(mentee(), mentor(), DEFAULT_WEIGHTS, rules).excluded)).toBe("Пара исключена вручную.");
    expect(scorePair(mentee(), mentor({ id: "m2" }), DEFAULT_WEIGHTS, rules).excluded).toBeNull();
    expect(said(scorePair(mentee({ personId: "same" }), mentor({ personId: "same" }), DEFAULT_WEIGHTS, NO_RULES).excluded)).toBe("Наставник и наставляемый — один и тот же человек.");
    expect(scorePair(mentee({ personId: null }), mentor({ personId: null }), DEFAULT_WEIGHTS, NO_RULES).excluded).toBeNull();
    expect(said(scorePair(mentee(), mentor({ kind: "STUDENT" }), DEFAULT_WEIGHTS, NO_RULES).excluded)).toBe("Обучающийся может быть наставником только для обучающегося.");
    expect(scorePair(mentee({ kind: "STUDENT" }), mentor({ kind: "STUDENT" }), DEFAULT_WEIGHTS, NO_RULES).excluded).toBeNull();
  });
  it("lists every failed rule", () => {
    const rules: Rules = { rules: [{ criterion: "subject", kind: "must" }, { criterion: "sameSchool", kind: "must" }] };
    const s = scorePair(mentee({ subjects: ["Химия"] }), mentor({ organizationId: "school-2" }), DEFAULT_WEIGHTS, rules);
    expect(said(s.excluded)).toBe("Нет общего предмета (правило «Обязательно общий предмет»); наставник из другой организации (правило «Только из своей организации»).");
  });
});

describe("suggestMentors", () => {
  const e = mentee({ difficulties: ["DIGITAL", "PARENTS"], preferences: ["far"] });
  const mentors = [
    mentor({ id: "weak", competencies: [] }),
    mentor({ id: "full", competencies: ["DIGITAL", "PARENTS"], remainingCapacity: 0 }),
    mentor({ id: "strong", competencies: ["DIGITAL", "PARENTS"] }),
    mentor({ id: "far", organizationId: "school-2", competencies: ["DIGITAL"] }),
    mentor({ id: "other", subjects: ["Химия"], competencies: ["DIGITAL", "PARENTS"] }),
  ];
  it("puts the best first, excluded ones last, and leaves out mentors without places", () => {
    const list = suggestMentors(e, mentors, DEFAULT_WEIGHTS, NO_RULES);
    expect(list.map((s) => s.mentorId)).toEqual(["strong", "far", "other", "weak"]);
    const ruled = suggestMentors(e, mentors, DEFAULT_WEIGHTS, must("subject"));
    expect(ruled.map((s) => s.mentorId)).toEqual(["strong", "far", "weak", "other"]);
    expect(said(ruled.at(-1)!.excluded)).toBe("Нет общего предмета (правило «Обязательно общий предмет»).");
    for (let k = 1; k < list.length; k++) expect(list[k - 1]!.total).toBeGreaterThanOrEqual(list[k]!.total);
  });
  it("cuts the list to the limit", () => {
    expect(suggestMentors(e, mentors, DEFAULT_WEIGHTS, NO_RULES, 2).map((s) => s.mentorId)).toEqual(["strong", "far"]);
  });
});

// ——— Assignment ———

function checkValid(a: Assignment, mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules) {
  const byId = new Map(mentors.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  for (const p of a.pairs) {
    expect(seen.has(p.menteeId)).toBe(false);
    seen.add(p.menteeId);
    load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
    const score = scorePair(mentees.find((e) => e.id === p.menteeId)!, byId.get(p.mentorId)!, weights, rules);
    expect(score.excluded).toBeNull();
    expect(p.score).toBe(score.total);
  }
  for (const [id, count] of load) expect(count).toBeLessThanOrEqual(Math.floor(byId.get(id)!.remainingCapacity));
  expect(a.pairs.length + a.unassigned.length).toBe(mentees.length);
  expect(a.totalScore).toBeCloseTo(a.pairs.reduce((s, p) => s + p.score, 0), 9);
}

describe("assignPool", () => {
  it("respects the mentors' free places and never uses a full mentor", () => {
    const mentees = Array.from({ length: 5 }, (_, i) => mentee({ id: `e${i}`, personId: `pe${i}`, preferences: ["star"] }));
    const mentors = [mentor({ id: "star", remainingCapacity: 2, capacity: 3 }), mentor({ id: "busy", remainingCapacity: 0, capacity: 3, experienceYears: 40 })];
    const a = assignPool(mentees, mentors, DEFAULT_WEIGHTS, NO_RULES);
    checkValid(a, mentees, mentors, DEFAULT_WEIGHTS, NO_RULES);
    expect(a.pairs.map((p) => p.mentorId)).toEqual(["star", "star"]);
    expect(a.unassigned).toHaveLength(3);
    expect(ru(a.unassigned[0]!.reason)).toBe("Все наставники с подходящими условиями заняты (подходящих: 1): их места распределены между другими наставляемыми");
  });

  it("gives the reason when no mentor passes the rules", () => {
    const mentees = [mentee({ id: "chem", subjects: ["Химия"] }), mentee({ id: "math", personId: "p2" })];
    const mentors = [mentor({ id: "a" }), mentor({ id: "b", personId: "pb" })];
    const a = assignPool(mentees, mentors, DEFAULT_WEIGHTS, must("subject"));
    checkValid(a, mentees, mentors, DEFAULT_WEIGHTS, must("subject"));
    expect(a.pairs.map((p) => p.menteeId)).toEqual(["math"]);
    expect(a.unassigned.map((u) => ({ menteeId: u.menteeId, reason: ru(u.reason) }))).toEqual([
      { menteeId: "chem", reason: "Ни один наставник со свободными местами не проходит правила: нет общего предмета — у 2 из 2" },
    ]);
  });

  it("never pairs a person with themselves", () => {
    const mentees = [mentee({ id: "e", personId: "same" })];
    const a = assignPool(mentees, [mentor({ id: "m", personId: "same" })], DEFAULT_WEIGHTS, NO_RULES);
    expect(a.pairs).toEqual([]);
    expect(ru(a.unassigned[0]!.reason)).toContain("один и тот же человек — у 1 из 1");
  });

  it("leaves everyone unassigned without a crash when no mentor has a free place", () => {
    const mentees = [mentee({ id: "a" }), mentee({ id: "b" })];
    for (const mentors of [[], [mentor({ remainingCapacity: 0 })]]) {
      const a = assignPool(mentees, mentors, DEFAULT_WEIGHTS, NO_RULES, "participation");
      expect(a).toEqual({
        pairs: [], totalScore: 0, objective: "participation",
        unassigned: [{ menteeId: "a", reason: NO_FREE_MENTORS }, { menteeId: "b", reason: NO_FREE_MENTORS }],
      });
    }
    expect(ru(NO_FREE_MENTORS)).toBe("В банке нет наставников со свободными местами");
    expect(assignPool([], [mentor()], DEFAULT_WEIGHTS, NO_RULES)).toEqual({ pairs: [], unassigned: [], totalScore: 0, objective: "score" });
  });

  it("participation assigns more mentees than score where they differ", () => {
    // e1 loves A (11) and hardly fits B (1); e2 may only go to A (0). Score: e1→A = 11; participation: e1→B, e2→A = 1.
    const weights = only({ subject: 1, preference: 10 });
    const mentees = [mentee({ id: "e1", personId: "p1", preferences: ["A"] }), mentee({ id: "e2", personId: "p2", subjects: ["Химия"] })];
    const mentors = [mentor({ id: "A", personId: "pA" }), mentor({ id: "B", personId: "pB" })];
    const rules: Rules = { rules: [], excludedPairs: [{ menteeId: "e2", mentorId: "B" }] };
    const byScore = assignPool(mentees, mentors, weights, rules, "score");
    const byParticipation = assignPool(mentees, mentors, weights, rules, "participation");
    expect(byScore.pairs).toEqual([{ menteeId: "e1", mentorId: "A", score: 11 }]);
    expect(byScore.totalScore).toBe(11);
    expect(ru(byScore.unassigned[0]!.reason)).toContain("заняты");
    expect(byParticipation.pairs).toEqual([
      { menteeId: "e1", mentorId: "B", score: 1 },
      { menteeId: "e2", mentorId: "A", score: 0 },
    ]);
    expect(byParticipation.objective).toBe("participation");
  });

  it("uses a free allowed mentor even for a pair scored 0", () => {
    const a = assignPool([mentee({ subjects: ["Химия"] })], [mentor()], only({ subject: 10 }), NO_RULES, "score");
    expect(a.pairs).toEqual([{ menteeId: "e1", mentorId: "m1", score: 0 }]);
  });
});

// ——— Against brute force on random small pools ———

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomPool(seed: number, n: number, m: number) {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const some = (list: string[], max: number) => list.filter(() => random() < max / list.length);
  const subjects = ["Математика", "Физика", "Химия", "История"];
  const tags = ["DIGITAL", "PARENTS", "STRESS", "METHODS", "SUBJECT"];
  const kinds = ["TEACHER", "TEACHER", "STUDENT", "EXTERNAL"] as const;
  const mentors: MatchMentor[] = Array.from({ length: m }, (_, j) => {
    const capacity = int(1, 3);
    return {
      id: `m${j}`, personId: `p${int(0, 12)}`, kind: kinds[int(0, 3)]!, organizationId: `s${int(0, 1)}`, subjects: some(subjects, 1.5),
      competencies: some(tags, 2.5), experienceYears: random() < 0.2 ? null : int(0, 25), capacity, remainingCapacity: int(0, capacity),
    };
  });
  const mentees: MatchMentee[] = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`, personId: `p${int(0, 12)}`, kind: kinds[int(0, 3)]!, organizationId: `s${int(0, 1)}`, subjects: some(subjects, 1.5),
    difficulties: some(tags, 2), experienceYears: random() < 0.2 ? null : int(0, 10),
    preferences: mentors.filter(() => random() < 0.3).map((x) => x.id).slice(0, int(0, 4)),
  }));
  const weights: Weights = {
    subject: int(0, 10), difficulties: int(0, 10), experience: int(0, 10), sameSchool: int(0, 10), capacity: int(0, 10), preference: int(0, 10),
  };
  const ruleList: Rule[] = [];
  for (const c of ["subject", "sameSchool", "difficulties", "experience"] as const) {
    const r = random();
    if (r < 0.15) ruleList.push({ criterion: c, kind: "must" });
    else if (r < 0.2) ruleList.push({ criterion: c, kind: "never" });
  }
  const excludedPairs = random() < 0.5 ? [{ menteeId: `e${int(0, n - 1)}`, mentorId: `m${int(0, m - 1)}` }] : [];
  return { mentees, mentors, weights, rules: { rules: ruleList, excludedPairs } as Rules };
}

function bruteForce(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules, objective: Objective) {
  const scores = mentees.map((e) => mentors.map((m) => (m.remainingCapacity > 0 ? scorePair(e, m, weights, rules) : null)));
  const left = mentors.map((m) => m.remainingCapacity);
  let best = { count: 0, score: 0 };
  const better = (count: number, score: number) =>
    objective === "participation"
      ? count > best.count || (count === best.count && score > best.score + 1e-12)
      : score > best.score + 1e-12 || (Math.abs(score - best.score) <= 1e-12 && count > best.count);
  const walk = (i: number, count: number, score: number) => {
    if (i === mentees.length) {
      if (better(count, score)) best = { count, score };
      return;
    }
    walk(i + 1, count, score);
    scores[i]!.forEach((s, j) => {
      if (!s || s.excluded || left[j] === 0) return;
      left[j]!--;
      walk(i + 1, count + 1, score + s.total);
      left[j]!++;
    });
  };
  walk(0, 0, 0);
  return best;
}

describe("assignPool is optimal", () => {
  it("equals brute force on 50 random pools of up to 7 mentees × 4 mentors, both objectives, with or without pruning", () => {
    let nonTrivial = 0;
    for (let t = 0; t < 50; t++) {
      const random = prng(900 + t);
      const { mentees, mentors, weights, rules } = randomPool(t + 1, 3 + Math.floor(random() * 5), 2 + Math.floor(random() * 3));
      for (const objective of ["score", "participation"] as const) {
        const best = bruteForce(mentees, mentors, weights, rules, objective);
        for (const candidatesPerMentee of [40, 1]) {
          const a = solveAssignment(mentees, mentors, weights, rules, objective, { candidatesPerMentee }).assignment;
          checkValid(a, mentees, mentors, weights, rules);
          if (objective === "participation") expect(a.pairs.length).toBe(best.count);
          // Exact up to the rounding of scores to 1/1000 (at most 0.0005 per pair).
          expect(Math.abs(a.totalScore - best.score)).toBeLessThanOrEqual(Math.max(1e-9, 0.0005 * mentees.length));
          expect(a.totalScore).toBeGreaterThanOrEqual(best.score * 0.99 - 1e-9);
        }
        if (best.count > 0 && best.count < mentees.length) nonTrivial++;
      }
    }
    expect(nonTrivial).toBeGreaterThan(10);
  });

  it("gives the same result pruned to 2 mentors per mentee as on the full graph (the optimality check adds what is missing)", () => {
    for (let t = 0; t < 4; t++) {
      const { mentees, mentors, weights } = randomPool(100 + t, 120, 40);
      const rules: Rules = t === 3 ? must("subject") : NO_RULES;
      for (const objective of ["score", "participation"] as const) {
        const pruned = solveAssignment(mentees, mentors, weights, rules, objective, { candidatesPerMentee: 2 });
        const full = solveAssignment(mentees, mentors, weights, rules, objective, { candidatesPerMentee: Infinity });
        checkValid(pruned.assignment, mentees, mentors, weights, rules);
        expect(pruned.stats.addedArcs).toBeGreaterThan(0);
        expect(pruned.assignment.pairs.length).toBe(full.assignment.pairs.length);
        expect(pruned.assignment.totalScore).toBeCloseTo(full.assignment.totalScore, 9);
      }
    }
  });

  it("stays exact when scores tie everywhere and when rows are scored again instead of kept", () => {
    const { mentees, mentors } = randomPool(11, 150, 50);
    for (const weights of [only({}), only({ sameSchool: 10 }), only({ capacity: 5, subject: 5 })]) {
      for (const objective of ["score", "participation"] as const) {
        const full = solveAssignment(mentees, mentors, weights, NO_RULES, objective, { candidatesPerMentee: Infinity }).assignment;
        for (const options of [{ candidatesPerMentee: 3 }, { candidatesPerMentee: 3, keepScoresUpTo: 0 }]) {
          const pruned = solveAssignment(mentees, mentors, weights, NO_RULES, objective, options).assignment;
          checkValid(pruned, mentees, mentors, weights, NO_RULES);
          expect(pruned.pairs.length).toBe(full.pairs.length);
          expect(pruned.totalScore).toBeCloseTo(full.totalScore, 9);
        }
      }
    }
  });

  it("scores the pool in bulk exactly as scorePair does", () => {
    const { mentees, mentors, weights, rules } = randomPool(7, 20, 12);
    const matrix = scoreMatrix(mentees, mentors, weights, rules);
    mentees.forEach((e, i) =>
      mentors.forEach((m, j) => {
        const s = scorePair(e, m, weights, rules);
        const bulk = matrix[i * mentors.length + j]!;
        if (s.excluded) expect(bulk).toBeNaN();
        else expect(bulk).toBe(s.total);
      }),
    );
  });
});
