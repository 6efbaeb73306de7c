// Matching of mentees with mentors (issue #5, items 1–2) as pure rules: an explainable score of every
// pair — six criteria, each a value 0..1 times a weight 0..10 chosen by the curator, with a Russian
// note — hard rules that exclude pairs, and the assignment of a whole pool that maximizes the total
// score (or first the number of mentees who get a mentor) exactly, as a min-cost flow.

import { DIFFICULTY_TAGS } from "./banks";

type Kind = "TEACHER" | "STUDENT" | "EXTERNAL";

export type MatchMentee = {
  /** Mentee bank entry id. */
  id: string;
  /** The person behind the bank entry: a person in both banks is never paired with themselves. */
  personId?: string | null;
  kind: Kind;
  organizationId: string;
  subjects: string[];
  /** Difficulty tags (keys of DIFFICULTY_TAGS; free tags are compared as they are). */
  difficulties: string[];
  experienceYears: number | null;
  /** Mentor ids in order of preference from the preference questionnaire (first = most wanted); may be empty. */
  preferences: string[];
};

export type MatchMentor = {
  /** Mentor bank entry id. */
  id: string;
  personId?: string | null;
  kind: Kind;
  organizationId: string;
  subjects: string[];
  /** Competency tags, keyed like the difficulties they answer (COMPETENCY_TAGS). */
  competencies: string[];
  experienceYears: number | null;
  /** How many more mentees this mentor can take now (capacity minus active mentees), >= 0. */
  remainingCapacity: number;
  capacity: number;
};

export type CriterionKey = "subject" | "difficulties" | "experience" | "sameSchool" | "capacity" | "preference";
/** 0..10 each; values outside are clamped, anything not a number counts as 0. */
export type Weights = Record<CriterionKey, number>;

export const CRITERION_KEYS: CriterionKey[] = ["subject", "difficulties", "experience", "sameSchool", "capacity", "preference"];
export const MAX_WEIGHT = 10;

/** Needs first (the point of the target model), then subject and the mentee's own choice. */
export const DEFAULT_WEIGHTS: Weights = { subject: 6, difficulties: 8, experience: 4, sameSchool: 3, capacity: 2, preference: 6 };

/** Mentor's experience must exceed the mentee's by this many years for the «must» experience rule. */
export const MIN_EXPERIENCE_GAP = 5;
/** A gap of this many years or more gives the experience criterion its full value. */
export const FULL_EXPERIENCE_GAP = 10;
/** Values of the 1st, 2nd and 3rd choice in the preference questionnaire; later places give 0. */
export const PREFERENCE_VALUES = [1, 0.66, 0.33] as const;
/** The value of a criterion that cannot be judged (no difficulties recorded, experience unknown). */
export const NEUTRAL_VALUE = 0.5;

export const CRITERIA: Record<CriterionKey, { title: string; explain: string }> = {
  subject: { title: "Совпадение предмета", explain: "1, если у наставника и наставляемого есть общий предмет, иначе 0." },
  difficulties: {
    title: "Затруднения и компетенции",
    explain: "Доля затруднений наставляемого, которые закрывают компетенции наставника; 0,5, если затруднения не записаны.",
  },
  experience: {
    title: "Разница в опыте",
    explain: `На сколько лет стаж наставника больше: ${FULL_EXPERIENCE_GAP} лет и больше — 1, не больше — 0, между ними — пропорционально; стаж не указан — 0,5.`,
  },
  sameSchool: { title: "Та же организация", explain: "1, если наставник из той же организации, что и наставляемый, иначе 0." },
  capacity: { title: "Свободные места у наставника", explain: "Доля свободных мест наставника: свободные места / вместимость." },
  preference: { title: "Выбор наставляемого", explain: "По анкете предпочтений: 1-й выбор — 1, 2-й — 0,66, 3-й — 0,33, иначе 0." },
};

export type Rule = { criterion: "subject" | "sameSchool" | "difficulties" | "experience"; kind: "must" | "never" };
/**
 * must: pairs failing the criterion are excluded; never: pairs meeting it are excluded. The criteria as
 * rules: a shared subject; the same organization; at least one difficulty covered (a mentee with no
 * difficulties recorded covers none); the mentor's experience ≥ MIN_EXPERIENCE_GAP years more (unknown
 * experience does not meet it). Explicit exclusions come on top.
 */
export type Rules = { rules: Rule[]; excludedPairs?: { menteeId: string; mentorId: string }[] };
export const NO_RULES: Rules = { rules: [] };

export type CriterionScore = { key: CriterionKey; title: string; value: number; weight: number; contribution: number; note: string };
export type PairScore = { menteeId: string; mentorId: string; total: number; criteria: CriterionScore[]; excluded: string | null };

export type Objective = "score" | "participation";
export type Assignment = {
  pairs: { menteeId: string; mentorId: string; score: number }[];
  unassigned: { menteeId: string; reason: string }[];
  totalScore: number;
  objective: Objective;
};

export const NO_FREE_MENTORS = "В банке нет наставников со свободными местами";

// ——— Criterion values: one function each, shared by the explained score and the bulk scoring ———

/** Subject: 1 when they share a subject (trimmed, case-insensitive, «ё» = «е»), else 0. Students count too. */
const normalize = (s: string) => s.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
const unique = (values: string[]) => [...new Set(values.map(normalize).filter((v) => v.length > 0))];

/**
 * Difficulties: the share of the mentee's difficulty tags covered by the mentor's competencies. With no
 * difficulties recorded there is nothing to cover and nothing missed: 0.5 keeps such a mentee neutral —
 * 1 would rank them above mentees whose needs are only partly covered, 0 would leave them last in the pool.
 */
function difficultiesValue(covered: number, total: number): number {
  return total === 0 ? NEUTRAL_VALUE : covered / total;
}

/** Experience: mentor minus mentee years, ≥ 10 → 1, ≤ 0 → 0, linear between; either unknown → 0.5. */
function experienceValue(menteeYears: number, mentorYears: number): number {
  if (!Number.isFinite(menteeYears) || !Number.isFinite(mentorYears)) return NEUTRAL_VALUE;
  const gap = mentorYears - menteeYears;
  return gap <= 0 ? 0 : gap >= FULL_EXPERIENCE_GAP ? 1 : gap / FULL_EXPERIENCE_GAP;
}

/** Capacity: remaining / capacity, so mentors with room come first; no capacity → 0. */
function capacityValue(remaining: number, capacity: number): number {
  if (!(capacity > 0) || !(remaining > 0)) return 0;
  return Math.min(1, remaining / capacity);
}

/** Preference: 1 for the first choice, 0.66 second, 0.33 third, 0 otherwise (rank −1 = not chosen). */
function preferenceValue(rank: number): number {
  return rank >= 0 && rank < PREFERENCE_VALUES.length ? PREFERENCE_VALUES[rank]! : 0;
}

/** sameSchool: 1 for the same organizationId, else 0. The sum is the total (same order everywhere). */
function combine(w: Weights, subject: number, difficulties: number, experience: number, sameSchool: number, capacity: number, preference: number): number {
  return w.subject * subject + w.difficulties * difficulties + w.experience * experience + w.sameSchool * sameSchool + w.capacity * capacity + w.preference * preference;
}

export function normalizeWeights(weights: Partial<Weights>): Weights {
  const clamp = (v: number | undefined) => (typeof v === "number" && Number.isFinite(v) ? Math.min(MAX_WEIGHT, Math.max(0, v)) : 0);
  return {
    subject: clamp(weights.subject),
    difficulties: clamp(weights.difficulties),
    experience: clamp(weights.experience),
    sameSchool: clamp(weights.sameSchool),
    capacity: clamp(weights.capacity),
    preference: clamp(weights.preference),
  };
}

// ——— Exclusions: built-in ones and the curator's rules, as bits ———

const SELF = 1;
const MANUAL = 2;
const KIND = 4;
const RULE_CRITERIA: Rule["criterion"][] = ["subject", "sameSchool", "difficulties", "experience"];
const ruleBit = (rule: Rule) => 8 << (RULE_CRITERIA.indexOf(rule.criterion) * 2 + (rule.kind === "never" ? 1 : 0));
const SUBJECT_MUST = 8, SUBJECT_NEVER = 16, SCHOOL_MUST = 32, SCHOOL_NEVER = 64, DIFF_MUST = 128, DIFF_NEVER = 256, EXP_MUST = 512, EXP_NEVER = 1024;
const REASON_BITS = 11;

const RULE_TEXTS: Record<Rule["criterion"], Record<Rule["kind"], { title: string; fails: string }>> = {
  subject: {
    must: { title: "Обязательно общий предмет", fails: "нет общего предмета" },
    never: { title: "Только без общего предмета", fails: "есть общий предмет" },
  },
  sameSchool: {
    must: { title: "Только из своей организации", fails: "наставник из другой организации" },
    never: { title: "Только из другой организации", fails: "наставник из той же организации" },
  },
  difficulties: {
    must: { title: "Закрывает хотя бы одно затруднение", fails: "не закрывает ни одного затруднения" },
    never: { title: "Не по затруднениям наставляемого", fails: "закрывает затруднения наставляемого" },
  },
  experience: {
    must: { title: `Стаж наставника больше не менее чем на ${MIN_EXPERIENCE_GAP} лет`, fails: `разница в стаже меньше ${MIN_EXPERIENCE_GAP} лет` },
    never: { title: `Без разницы в стаже от ${MIN_EXPERIENCE_GAP} лет (равный — равному)`, fails: `стаж наставника больше на ${MIN_EXPERIENCE_GAP} лет и более` },
  },
};

/** The rule as the curator sees it, e.g. «Обязательно общий предмет». */
export function ruleTitle(rule: Rule): string {
  return RULE_TEXTS[rule.criterion][rule.kind].title;
}

function compileRules(rules: Rules): number {
  let bits = 0;
  for (const rule of rules.rules) if (RULE_TEXTS[rule.criterion]?.[rule.kind]) bits |= ruleBit(rule);
  return bits;
}

/** Which exclusions hit a pair: the built-in ones and the active rules whose test the pair fails. */
function exclusionMask(ruleBits: number, self: boolean, manual: boolean, kind: boolean, shared: boolean, sameOrg: boolean, coveredAny: boolean, bigGap: boolean): number {
  return (
    (self ? SELF : 0) |
    (manual ? MANUAL : 0) |
    (kind ? KIND : 0) |
    (ruleBits & (shared ? SUBJECT_NEVER : SUBJECT_MUST)) |
    (ruleBits & (sameOrg ? SCHOOL_NEVER : SCHOOL_MUST)) |
    (ruleBits & (coveredAny ? DIFF_NEVER : DIFF_MUST)) |
    (ruleBits & (bigGap ? EXP_NEVER : EXP_MUST))
  );
}

/** A school student mentors only students («ученик – ученик»): no form has a student mentor an adult. */
const kindForbidden = (menteeKind: Kind, mentorKind: Kind) => mentorKind === "STUDENT" && menteeKind !== "STUDENT";
const hasBigGap = (menteeYears: number, mentorYears: number) =>
  Number.isFinite(menteeYears) && Number.isFinite(mentorYears) && mentorYears - menteeYears >= MIN_EXPERIENCE_GAP;

/** One reason per bit, worded for a given mentee (so «не указан стаж» says whose). */
function reasonText(bit: number, mentee: MatchMentee, withRule: boolean): string {
  if (bit === SELF) return "наставник и наставляемый — один и тот же человек";
  if (bit === MANUAL) return "пара исключена вручную";
  if (bit === KIND) return "обучающийся может быть наставником только для обучающегося";
  const index = Math.log2(bit / 8);
  const criterion = RULE_CRITERIA[index >> 1]!;
  const kind: Rule["kind"] = index & 1 ? "never" : "must";
  let fails = RULE_TEXTS[criterion][kind].fails;
  if (bit === DIFF_MUST && unique(mentee.difficulties).length === 0) fails = "у наставляемого не записаны затруднения";
  if (bit === SUBJECT_MUST && unique(mentee.subjects).length === 0) fails = "у наставляемого не указан предмет";
  if (bit === EXP_MUST && !Number.isFinite(mentee.experienceYears ?? NaN)) fails = "у наставляемого не указан стаж";
  return withRule ? `${fails} (правило «${RULE_TEXTS[criterion][kind].title}»)` : fails;
}

function describeMask(mask: number, mentee: MatchMentee, mentor: MatchMentor): string {
  const parts: string[] = [];
  for (let b = 0; b < REASON_BITS; b++) {
    const bit = 1 << b;
    if (!(mask & bit)) continue;
    let text = reasonText(bit, mentee, true);
    if (bit === EXP_MUST && Number.isFinite(mentee.experienceYears ?? NaN) && !Number.isFinite(mentor.experienceYears ?? NaN))
      text = `у наставника не указан стаж (правило «${RULE_TEXTS.experience.must.title}»)`;
    parts.push(text);
  }
  const sentence = parts.join("; ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".";
}

// ——— Russian wording ———

function plural(n: number, one: string, few: string, many: string): string {
  if (!Number.isInteger(n)) return few;
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a >= 11 && a <= 14) return many;
  if (b === 1) return one;
  if (b >= 2 && b <= 4) return few;
  return many;
}
const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10).replace(".", ","));
const years = (n: number) => `${number(n)} ${plural(n, "год", "года", "лет")}`;
/** After «из N»: из 1 затруднения, из 2 затруднений, из 21 затруднения. */
const ofDifficulties = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? "затруднения" : "затруднений");
const difficultyLabel = (tag: string) => (DIFFICULTY_TAGS as Record<string, string>)[tag.trim().toUpperCase()] ?? tag.trim();

// ——— The explained score of one pair ———

/**
 * The score of one pair, criterion by criterion, with a Russian note each, and the reason when a rule
 * (or a built-in exclusion: the same person, a pair excluded by hand, a student as a mentor of an adult)
 * excludes it. A mentor without free places is not excluded here — the capacity criterion shows it,
 * and an existing pair can still be explained; suggestMentors and assignPool skip such mentors.
 */
export function scorePair(mentee: MatchMentee, mentor: MatchMentor, weights: Weights, rules: Rules): PairScore {
  const w = normalizeWeights(weights);

  const mentorSubjects = new Set(unique(mentor.subjects));
  const sharedSubjects = new Map<string, string>();
  for (const s of mentee.subjects) if (mentorSubjects.has(normalize(s)) && !sharedSubjects.has(normalize(s))) sharedSubjects.set(normalize(s), s.trim());
  const shared = sharedSubjects.size > 0;
  const subjectNote = shared
    ? `${sharedSubjects.size > 1 ? "общие предметы" : "общий предмет"}: ${[...sharedSubjects.values()].join(", ")}`
    : unique(mentee.subjects).length === 0
      ? "у наставляемого не указан предмет"
      : mentorSubjects.size === 0
        ? "у наставника не указан предмет"
        : "нет общего предмета";

  const difficulties = unique(mentee.difficulties);
  const competencies = new Set(unique(mentor.competencies));
  const covered = difficulties.filter((d) => competencies.has(d));
  const originalTag = (d: string) => mentee.difficulties.find((t) => normalize(t) === d) ?? d;
  const difficultiesNote =
    difficulties.length === 0
      ? "у наставляемого не записаны затруднения — нейтральная оценка"
      : covered.length === 0
        ? `не закрывает ни одного из ${difficulties.length} ${ofDifficulties(difficulties.length)}`
        : `закрывает ${covered.length} из ${difficulties.length} ${ofDifficulties(difficulties.length)}: ${covered.map((d) => difficultyLabel(originalTag(d))).join("; ")}`;

  const menteeYears = mentee.experienceYears ?? NaN;
  const mentorYears = mentor.experienceYears ?? NaN;
  const gap = mentorYears - menteeYears;
  const experienceNote =
    !Number.isFinite(menteeYears) && !Number.isFinite(mentorYears)
      ? "стаж не указан — нейтральная оценка"
      : !Number.isFinite(menteeYears)
        ? "у наставляемого не указан стаж — нейтральная оценка"
        : !Number.isFinite(mentorYears)
          ? "у наставника не указан стаж — нейтральная оценка"
          : gap > 0
            ? `опыт наставника больше на ${years(gap)}`
            : gap === 0
              ? "стаж одинаковый"
              : `стаж наставника меньше на ${years(-gap)}`;

  const sameOrg = mentee.organizationId === mentor.organizationId;
  const remaining = Math.max(0, mentor.remainingCapacity);
  const capacityNote = mentor.capacity > 0 ? `свободных мест: ${number(remaining)} из ${number(mentor.capacity)}` : "вместимость не указана";

  const rank = mentee.preferences.indexOf(mentor.id);
  const preferenceNote =
    mentee.preferences.length === 0
      ? "наставляемый не указал предпочтений"
      : rank < 0
        ? "нет в списке предпочтений наставляемого"
        : rank < PREFERENCE_VALUES.length
          ? `${rank + 1}-й выбор наставляемого`
          : `${rank + 1}-й выбор наставляемого (учитываются первые ${PREFERENCE_VALUES.length})`;

  const values: Record<CriterionKey, [number, string]> = {
    subject: [shared ? 1 : 0, subjectNote],
    difficulties: [difficultiesValue(covered.length, difficulties.length), difficultiesNote],
    experience: [experienceValue(menteeYears, mentorYears), experienceNote],
    sameSchool: [sameOrg ? 1 : 0, sameOrg ? "та же организация" : "другая организация"],
    capacity: [capacityValue(mentor.remainingCapacity, mentor.capacity), capacityNote],
    preference: [preferenceValue(rank), preferenceNote],
  };
  const criteria = CRITERION_KEYS.map((key): CriterionScore => {
    const [value, note] = values[key];
    return { key, title: CRITERIA[key].title, value, weight: w[key], contribution: value * w[key], note };
  });
  const total = combine(w, values.subject[0], values.difficulties[0], values.experience[0], values.sameSchool[0], values.capacity[0], values.preference[0]);

  const self = Boolean(mentee.personId) && mentee.personId === mentor.personId;
  const manual = (rules.excludedPairs ?? []).some((p) => p.menteeId === mentee.id && p.mentorId === mentor.id);
  const mask = exclusionMask(compileRules(rules), self, manual, kindForbidden(mentee.kind, mentor.kind), shared, sameOrg, covered.length > 0, hasBigGap(menteeYears, mentorYears));
  return { menteeId: mentee.id, mentorId: mentor.id, total, criteria, excluded: mask ? describeMask(mask, mentee, mentor) : null };
}

/**
 * Mentors for one mentee, best first. Only mentors with free places (remainingCapacity > 0) are listed.
 * Excluded pairs are not omitted: they come after all allowed ones (best first too), with the reason in
 * `excluded`, so the page can say why a mentor is not offered; filter on `excluded === null` to drop
 * them. Ties keep the order of `mentors`. `limit` cuts the whole list.
 */
export function suggestMentors(mentee: MatchMentee, mentors: MatchMentor[], weights: Weights, rules: Rules, limit?: number): PairScore[] {
  const scored = mentors.filter((m) => m.remainingCapacity > 0).map((m) => scorePair(mentee, m, weights, rules));
  scored.sort((a, b) => (a.excluded === null ? 0 : 1) - (b.excluded === null ? 0 : 1) || b.total - a.total);
  return limit === undefined ? scored : scored.slice(0, Math.max(0, limit));
}

// ——— Bulk scoring of a pool: the same values from precomputed per-mentor bitsets ———

type Pool = {
  n: number;
  m: number;
  /** Scores of mentee i against every mentor into `out` (NaN = excluded); counts the exclusion bits; returns the number allowed. */
  scoreRow(i: number, out: Float64Array, reasonCounts: Int32Array): number;
};

function preparePool(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules): Pool {
  const w = normalizeWeights(weights);
  const ruleBits = compileRules(rules);
  const n = mentees.length;
  const m = mentors.length;

  const intern = (map: Map<string, number>, key: string) => {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = map.size));
    return id;
  };
  const subjectIds = new Map<string, number>();
  const competencyIds = new Map<string, number>();
  const orgIds = new Map<string, number>();
  const personIds = new Map<string, number>();
  const mentorSubjects = mentors.map((x) => unique(x.subjects).map((s) => intern(subjectIds, s)));
  const mentorCompetencies = mentors.map((x) => unique(x.competencies).map((s) => intern(competencyIds, s)));
  const sw = Math.max(1, Math.ceil(subjectIds.size / 32));
  const cw = Math.max(1, Math.ceil(competencyIds.size / 32));
  const subjectBits = new Int32Array(m * sw);
  const competencyBits = new Int32Array(m * cw);
  const org = new Int32Array(m);
  const person = new Int32Array(m);
  const years = new Float64Array(m);
  const capacity = new Float64Array(m);
  const student = new Uint8Array(m);
  const mentorIndex = new Map<string, number>();
  for (let j = 0; j < m; j++) {
    const x = mentors[j]!;
    for (const id of mentorSubjects[j]!) subjectBits[j * sw + (id >>> 5)]! |= 1 << (id & 31);
    for (const id of mentorCompetencies[j]!) competencyBits[j * cw + (id >>> 5)]! |= 1 << (id & 31);
    org[j] = intern(orgIds, x.organizationId);
    person[j] = x.personId ? intern(personIds, x.personId) : -1;
    years[j] = x.experienceYears ?? NaN;
    capacity[j] = capacityValue(x.remainingCapacity, x.capacity);
    student[j] = x.kind === "STUDENT" ? 1 : 0;
    if (!mentorIndex.has(x.id)) mentorIndex.set(x.id, j);
  }
  const manual = new Map<string, number[]>();
  for (const p of rules.excludedPairs ?? []) {
    const j = mentorIndex.get(p.mentorId);
    if (j === undefined) continue;
    const list = manual.get(p.menteeId) ?? [];
    list.push(j);
    manual.set(p.menteeId, list);
  }

  const manualRow = new Uint8Array(m);
  const preferenceRow = new Float64Array(m);
  const ranked: number[] = [];

  function scoreRow(i: number, out: Float64Array, reasonCounts: Int32Array): number {
    const x = mentees[i]!;
    // Mentee subjects and difficulties as ids of the mentors' vocabulary (others can never match).
    const subjects: number[] = [];
    for (const s of unique(x.subjects)) {
      const id = subjectIds.get(s);
      if (id !== undefined) subjects.push(id);
    }
    const difficulties = unique(x.difficulties);
    const total = difficulties.length;
    const tags: number[] = [];
    for (const d of difficulties) {
      const id = competencyIds.get(d);
      if (id !== undefined) tags.push(id);
    }
    const menteeOrg = orgIds.get(x.organizationId) ?? -2;
    const menteePerson = x.personId ? (personIds.get(x.personId) ?? -2) : -3;
    const menteeYears = x.experienceYears ?? NaN;
    const menteeStudent = x.kind === "STUDENT";
    const excludedHere = manual.get(x.id);
    if (excludedHere) for (const j of excludedHere) manualRow[j] = 1;
    ranked.length = 0;
    for (let r = 0; r < x.preferences.length; r++) {
      const j = mentorIndex.get(x.preferences[r]!);
      if (j === undefined || preferenceRow[j]! !== 0 || ranked.includes(j)) continue;
      preferenceRow[j] = preferenceValue(r);
      ranked.push(j);
    }

    let allowed = 0;
    for (let j = 0; j < m; j++) {
      let shared = false;
      const sb = j * sw;
      for (let k = 0; k < subjects.length; k++) {
        const id = subjects[k]!;
        if (subjectBits[sb + (id >>> 5)]! & (1 << (id & 31))) {
          shared = true;
          break;
        }
      }
      let covered = 0;
      const cb = j * cw;
      for (let k = 0; k < tags.length; k++) {
        const id = tags[k]!;
        if (competencyBits[cb + (id >>> 5)]! & (1 << (id & 31))) covered++;
      }
      const sameOrg = org[j] === menteeOrg;
      const mentorYears = years[j]!;
      const mask = exclusionMask(
        ruleBits, person[j] === menteePerson, manualRow[j] === 1, student[j] === 1 && !menteeStudent,
        shared, sameOrg, covered > 0, hasBigGap(menteeYears, mentorYears),
      );
      if (mask !== 0) {
        out[j] = NaN;
        for (let b = 0; b < REASON_BITS; b++) if (mask & (1 << b)) reasonCounts[b]!++;
        continue;
      }
      allowed++;
      out[j] = combine(w, shared ? 1 : 0, difficultiesValue(covered, total), experienceValue(menteeYears, mentorYears), sameOrg ? 1 : 0, capacity[j]!, preferenceRow[j]!);
    }

    if (excludedHere) for (const j of excludedHere) manualRow[j] = 0;
    for (const j of ranked) preferenceRow[j] = 0;
    return allowed;
  }
  return { n, m, scoreRow };
}

/**
 * All pair totals of a pool, row-major (mentee i, mentor j at i * mentors.length + j), NaN where the
 * pair is excluded; every mentor is scored, free places or not. The same numbers as scorePair's totals.
 */
export function scoreMatrix(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules): Float64Array {
  const pool = preparePool(mentees, mentors, weights, rules);
  const result = new Float64Array(pool.n * pool.m);
  const counts = new Int32Array(REASON_BITS);
  for (let i = 0; i < pool.n; i++) pool.scoreRow(i, result.subarray(i * pool.m, (i + 1) * pool.m), counts);
  return result;
}

// ——— Assignment of a whole pool as a min-cost flow ———

/** Scores become integers (×1000, rounded) so that the flow works in exact arithmetic. */
export const SCORE_SCALE = 1000;

export type AssignOptions = {
  /**
   * How many best mentors per mentee enter the flow network first (default 40; Infinity = all). The
   * result does not depend on it: the solution is checked against every allowed pair (see solveAssignment).
   */
  candidatesPerMentee?: number;
  /** Keep the integer scores of all pairs for the check up to this many pairs (default 2^24, 2 bytes each); above, rows are scored again. */
  keepScoresUpTo?: number;
};

export type AssignStats = {
  /** Allowed pairs among mentors with free places. */
  allowedPairs: number;
  /** Pairs in the flow network at the end. */
  arcs: number;
  /** Optimality checks run (1 when the first solution was proven optimal at once). */
  rounds: number;
  /** Pairs added because a check found them missing. */
  addedArcs: number;
  /** Mentees taken out and placed again after their pairs were added. */
  reroutedMentees: number;
};

/**
 * The flow network: one unit per mentee, mentee → mentor (arc weight w > 0 of the pair, cost −w),
 * mentor → sink T (its free places), and mentee → «без наставника» D → T (weight 0, room for all), so
 * every mentee is placed somewhere and the flow value is fixed. Successive shortest paths: a unit is
 * sent from a mentee (an excess) along the shortest path (Dijkstra on reduced costs, stopping at the
 * target) to T or to a mentor that lost a mentee (a deficit); the potentials keep every residual arc's
 * reduced cost c + p(u) − p(v) non-negative, which is the proof that the flow has minimum cost.
 * Node ids: mentees 0..n−1, mentors n..n+m−1, D = n+m, T = n+m+1. Weights are integers below 2^53,
 * so every sum and comparison is exact.
 */
function createFlow(n: number, m: number, freePlaces: Int32Array) {
  const D = m;
  const N = n + m + 2;
  const T = N - 1;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const prev = new Int32Array(N).fill(-1);
  const prevWeight = new Float64Array(N);
  const touched = new Int32Array(N);
  let touchedCount = 0;

  const room = (j: number) => (j === D ? n : freePlaces[j]!);
  const slotStart = new Int32Array(m + 2);
  for (let j = 0; j <= m; j++) slotStart[j + 1] = slotStart[j]! + room(j);
  const slotMentee = new Int32Array(slotStart[m + 1]!).fill(-1);
  /** Mentees placed with the mentor, and units the mentor sends to T (more than placed = a deficit). */
  const filled = new Int32Array(m + 1);
  const toSink = new Int32Array(m + 1);
  const slotOf = new Int32Array(n).fill(-1);
  const assigned = new Int32Array(n).fill(-1);
  const assignedWeight = new Float64Array(n);

  let start: Int32Array = new Int32Array(n + 1);
  let arcMentor: Int32Array = new Int32Array(0);
  let arcWeight: Float64Array = new Float64Array(0);

  let heapKey = new Float64Array(0);
  let heapNode = new Int32Array(0);
  let heapLength = 0;
  const push = (key: number, node: number) => {
    let at = heapLength++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[at] = heapKey[parent]!;
      heapNode[at] = heapNode[parent]!;
      at = parent;
    }
    heapKey[at] = key;
    heapNode[at] = node;
  };
  const pop = () => {
    const node = heapNode[0]!;
    const key = heapKey[--heapLength]!;
    const last = heapNode[heapLength]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heapLength) break;
      if (child + 1 < heapLength && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= key) break;
      heapKey[at] = heapKey[child]!;
      heapNode[at] = heapNode[child]!;
      at = child;
    }
    heapKey[at] = key;
    heapNode[at] = last;
    return node;
  };
  const relax = (v: number, d: number, from: number, weight: number) => {
    if (d < dist[v]!) {
      if (dist[v] === Infinity) touched[touchedCount++] = v;
      dist[v] = d;
      prev[v] = from;
      prevWeight[v] = weight;
      push(d, v);
    }
  };

  function setArcs(nextStart: Int32Array, nextMentor: Int32Array, nextWeight: Float64Array) {
    start = nextStart;
    arcMentor = nextMentor;
    arcWeight = nextWeight;
    // A node is pushed at most once per arc into it: forward arcs, D arcs, slots, arcs to and from T.
    const size = start[n]! + n + slotStart[m + 1]! + 2 * (m + 1) + 1;
    if (heapKey.length < size) {
      heapKey = new Float64Array(size);
      heapNode = new Int32Array(size);
    }
  }

  /** A potential for a mentee with no incoming arcs that keeps the reduced costs of its arcs non-negative. */
  function raise(i: number) {
    let p = Math.max(pot[i]!, pot[n + D]!);
    for (let k = start[i]!; k < start[i + 1]!; k++) p = Math.max(p, pot[n + arcMentor[k]!]! + arcWeight[k]!);
    pot[i] = p;
  }

  function removeFromSlot(i: number) {
    const j = assigned[i]!;
    const last = slotStart[j]! + --filled[j]!;
    const slot = slotOf[i]!;
    const moved = slotMentee[last]!;
    slotMentee[slot] = moved;
    slotOf[moved] = slot;
    slotMentee[last] = -1;
    slotOf[i] = -1;
    assigned[i] = -1;
  }

  const path: number[] = [];
  /**
   * Sends the unit of mentee `source` along the shortest path to T (`toSink`) or else to the nearest
   * mentor in deficit (one that sends more to T than it has mentees placed).
   */
  function route(source: number, toSinkTarget: boolean) {
    let target = toSinkTarget ? T : -1;
    touchedCount = 0;
    heapLength = 0;
    dist[source] = 0;
    touched[touchedCount++] = source;
    push(0, source);
    while (heapLength > 0) {
      const u = pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === target) break;
      if (target < 0 && u >= n && u < T && toSink[u - n]! > filled[u - n]!) {
        target = u;
        break;
      }
      const du = dist[u]!;
      const pu = pot[u]!;
      if (u < n) {
        const current = assigned[u]!;
        for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
          const j = arcMentor[k]!;
          if (j === current || done[n + j]) continue;
          relax(n + j, du - arcWeight[k]! + pu - pot[n + j]!, u, arcWeight[k]!);
        }
        if (current !== D && !done[n + D]) relax(n + D, du + pu - pot[n + D]!, u, 0);
      } else if (u < T) {
        const j = u - n;
        for (let s = slotStart[j]!, end = s + filled[j]!; s < end; s++) {
          const k = slotMentee[s]!;
          if (!done[k]) relax(k, du + assignedWeight[k]! + pu - pot[k]!, u, 0);
        }
        if (toSink[j]! < room(j) && !done[T]) relax(T, du + pu - pot[T]!, u, 0);
      } else {
        for (let j = 0; j <= m; j++) if (toSink[j]! > 0 && !done[n + j]) relax(n + j, du + pu - pot[n + j]!, u, 0);
      }
    }

    // Potentials: p += min(dist, dist(target)) − dist(target); only nodes closer than the target change.
    const dTarget = target < 0 ? Infinity : dist[target]!;
    if (dTarget === Infinity) throw new Error("matching: the flow target is unreachable (broken invariant)");
    for (let t = 0; t < touchedCount; t++) {
      const v = touched[t]!;
      if (done[v] && dist[v]! < dTarget) pot[v] = pot[v]! + dist[v]! - dTarget;
    }

    // Augment: mentees leave the mentors they swap out of first, then join their new ones.
    path.length = 0;
    for (let v = target; v !== source; v = prev[v]!) path.push(v);
    path.push(source);
    path.reverse();
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!;
      const v = path[k]!;
      if (u >= n && u < T && v < n) removeFromSlot(v);
    }
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!;
      const v = path[k]!;
      if (u < n) {
        const j = v - n;
        const slot = slotStart[j]! + filled[j]!++;
        slotMentee[slot] = u;
        slotOf[u] = slot;
        assigned[u] = j;
        assignedWeight[u] = prevWeight[v]!;
      } else if (v === T) toSink[u - n]!++;
      else if (u === T) toSink[v - n]!--;
    }

    for (let t = 0; t < touchedCount; t++) {
      const v = touched[t]!;
      dist[v] = Infinity;
      done[v] = 0;
      prev[v] = -1;
    }
  }

  return {
    pot,
    assigned,
    setArcs,
    /** Places a mentee not yet in the flow. */
    insert(i: number) {
      raise(i);
      route(i, true);
    },
    /** Takes a placed mentee out, leaving a deficit at its mentor. */
    detach(i: number) {
      removeFromSlot(i);
    },
    /** Places a detached mentee again (after its arcs changed), sending its unit to the nearest deficit. */
    reattach(i: number) {
      raise(i);
      route(i, false);
    },
  };
}

function reasonRulesFail(mentee: MatchMentee, counts: Int32Array, free: number): string {
  const parts: string[] = [];
  for (let b = 0; b < REASON_BITS; b++) if (counts[b]! > 0) parts.push(`${reasonText(1 << b, mentee, false)} — у ${counts[b]} из ${free}`);
  return `Ни один наставник со свободными местами не проходит правила: ${parts.join("; ")}`;
}

const reasonBusy = (allowed: number) =>
  `Все наставники с подходящими условиями заняты (подходящих: ${allowed}): их места распределены между другими наставляемыми`;

const KEEP_SCORES_UP_TO = 1 << 24;
/** An excluded pair among the integer scores (which are at most 6 × 10 × SCORE_SCALE = 60 000). */
const EXCLUDED = 0xffff;

/**
 * The assignment of a whole pool with its statistics. Exact: the flow is first solved on each mentee's
 * best `candidatesPerMentee` mentors; then every allowed pair left out is checked against the final
 * potentials — a pair left out with a negative reduced cost could improve the result. If there is
 * none, the potentials prove the solution optimal for the full set of pairs; otherwise those pairs are
 * added (at most candidatesPerMentee per mentee per round, the most negative first), their mentees are
 * taken out and sent again along shortest paths, and the check repeats. Each round adds pairs, so it
 * ends — at worst with every allowed pair in the network. Ties in the first choice of candidates are
 * spread (each mentee starts at its own place in the mentor list), so equal scores do not make every
 * mentee pick the same first mentors.
 */
export function solveAssignment(
  mentees: MatchMentee[],
  allMentors: MatchMentor[],
  weights: Weights,
  rules: Rules,
  objective: Objective = "score",
  options: AssignOptions = {},
): { assignment: Assignment; stats: AssignStats } {
  const stats: AssignStats = { allowedPairs: 0, arcs: 0, rounds: 0, addedArcs: 0, reroutedMentees: 0 };
  const mentors = allMentors.filter((x) => Math.floor(x.remainingCapacity) > 0);
  if (mentors.length === 0 || mentees.length === 0) {
    const unassigned = mentees.map((x) => ({ menteeId: x.id, reason: NO_FREE_MENTORS }));
    return { assignment: { pairs: [], unassigned, totalScore: 0, objective }, stats };
  }
  const w = normalizeWeights(weights);
  const n = mentees.length;
  const m = mentors.length;
  const pool = preparePool(mentees, mentors, w, rules);
  const K = Math.max(1, Math.min(m, Math.floor(options.candidatesPerMentee ?? 40)));
  const maxScore = Math.round(combine(w, 1, 1, 1, 1, 1, 1) * SCORE_SCALE);
  // Arc weights: "score" — the score first, then one more participant; "participation" — the reverse.
  const a = objective === "participation" ? 1 : n + 1;
  const b = objective === "participation" ? n * maxScore + 1 : 1;

  const row = new Float64Array(m);
  const counts = new Int32Array(REASON_BITS);
  const stored = n * m <= (options.keepScoresUpTo ?? KEEP_SCORES_UP_TO) ? new Uint16Array(n * m) : null;
  /** Integer scores of mentee i's row, EXCLUDED for excluded pairs. */
  const scoresOf = (i: number, out: Uint16Array) => {
    counts.fill(0);
    const allowed = pool.scoreRow(i, row, counts);
    for (let j = 0; j < m; j++) out[j] = Number.isNaN(row[j]!) ? EXCLUDED : Math.round(row[j]! * SCORE_SCALE);
    return allowed;
  };
  const scratch = new Uint16Array(m);

  // Each mentee's best K allowed mentors (a min-heap of the kept scores per row).
  const allowedCount = new Int32Array(n);
  const reasons = new Map<number, string>();
  const listMentor: Int32Array[] = [];
  const listScore: Int32Array[] = [];
  /** The largest score left out of a mentee's list, −1 when nothing is. */
  const cutScore = new Int32Array(n).fill(-1);
  const heapMentor = new Int32Array(K);
  const heapScore = new Int32Array(K);
  for (let i = 0; i < n; i++) {
    const scores = stored ? stored.subarray(i * m, (i + 1) * m) : scratch;
    const allowed = scoresOf(i, scores);
    allowedCount[i] = allowed;
    stats.allowedPairs += allowed;
    if (allowed === 0) reasons.set(i, reasonRulesFail(mentees[i]!, counts, m));
    let size = 0;
    let cut = -1;
    // Ties keep the mentor seen first; each mentee starts at its own place in the list, so that equal
    // scores spread the mentees over all tied mentors instead of piling them onto the first ones.
    const offset = Math.floor(((i * 0.6180339887498949) % 1) * m);
    for (let step = 0; step < m; step++) {
      const j = step + offset < m ? step + offset : step + offset - m;
      const s = scores[j]!;
      if (s === EXCLUDED) continue;
      if (size < K) {
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (heapScore[parent]! <= s) break;
          heapScore[at] = heapScore[parent]!;
          heapMentor[at] = heapMentor[parent]!;
          at = parent;
        }
        heapScore[at] = s;
        heapMentor[at] = j;
      } else if (s > heapScore[0]!) {
        if (heapScore[0]! > cut) cut = heapScore[0]!;
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= size) break;
          if (child + 1 < size && heapScore[child + 1]! < heapScore[child]!) child++;
          if (heapScore[child]! >= s) break;
          heapScore[at] = heapScore[child]!;
          heapMentor[at] = heapMentor[child]!;
          at = child;
        }
        heapScore[at] = s;
        heapMentor[at] = j;
      } else if (s > cut) cut = s;
    }
    cutScore[i] = cut;
    listMentor.push(heapMentor.slice(0, size));
    listScore.push(heapScore.slice(0, size));
  }

  const freePlaces = new Int32Array(m);
  for (let j = 0; j < m; j++) freePlaces[j] = Math.floor(mentors[j]!.remainingCapacity);
  const flow = createFlow(n, m, freePlaces);
  const loadArcs = () => {
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = start[i]! + listMentor[i]!.length;
    const arcMentor = new Int32Array(start[n]!);
    const arcWeight = new Float64Array(start[n]!);
    for (let i = 0; i < n; i++) {
      arcMentor.set(listMentor[i]!, start[i]!);
      const scores = listScore[i]!;
      for (let k = 0; k < scores.length; k++) arcWeight[start[i]! + k] = a * scores[k]! + b;
    }
    flow.setArcs(start, arcMentor, arcWeight);
    stats.arcs = start[n]!;
  };
  loadArcs();
  for (let i = 0; i < n; i++) flow.insert(i);

  const pot = flow.pot;
  const inList = new Uint8Array(m);
  for (;;) {
    stats.rounds++;
    // Every pair left out must have weight ≤ p(mentee) − p(mentor); a quick bound first, then the row.
    let maxMentorPot = -Infinity;
    for (let j = 0; j < m; j++) maxMentorPot = Math.max(maxMentorPot, pot[n + j]!);
    const fix: number[] = [];
    for (let i = 0; i < n; i++) {
      if (cutScore[i]! < 0 || a * cutScore[i]! + b <= pot[i]! - maxMentorPot) continue;
      const mentorsOf = listMentor[i]!;
      for (let k = 0; k < mentorsOf.length; k++) inList[mentorsOf[k]!] = 1;
      const scores = stored ? stored.subarray(i * m, (i + 1) * m) : scratch;
      if (!stored) scoresOf(i, scores);
      let extra: number[] = [];
      const excess: number[] = [];
      let cut = -1;
      for (let j = 0; j < m; j++) {
        const s = scores[j]!;
        if (s === EXCLUDED || inList[j]) continue;
        const over = a * s + b - (pot[i]! - pot[n + j]!);
        if (over > 0) {
          extra.push(j);
          excess.push(over);
        } else if (s > cut) cut = s;
      }
      for (let k = 0; k < mentorsOf.length; k++) inList[mentorsOf[k]!] = 0;
      if (extra.length === 0) continue;
      if (extra.length > K) {
        // At most K more per round, the most negative reduced costs first; the rest stay for the next check.
        const order = extra.map((_, k) => k).sort((x, y) => excess[y]! - excess[x]!);
        for (const k of order.slice(K)) cut = Math.max(cut, scores[extra[k]!]!);
        extra = order.slice(0, K).map((k) => extra[k]!);
      }
      const nextMentor = new Int32Array(mentorsOf.length + extra.length);
      const nextScore = new Int32Array(mentorsOf.length + extra.length);
      nextMentor.set(mentorsOf);
      nextScore.set(listScore[i]!);
      extra.forEach((j, k) => {
        nextMentor[mentorsOf.length + k] = j;
        nextScore[mentorsOf.length + k] = scores[j]!;
      });
      listMentor[i] = nextMentor;
      listScore[i] = nextScore;
      cutScore[i] = cut;
      stats.addedArcs += extra.length;
      fix.push(i);
    }
    if (fix.length === 0) break;
    // Take those mentees out first (their new arcs may have negative reduced costs until they are
    // re-placed, and nothing leads into a mentee that is out), then send each to the nearest deficit.
    for (const i of fix) flow.detach(i);
    loadArcs();
    for (const i of fix) flow.reattach(i);
    stats.reroutedMentees += fix.length;
  }

  const pairs: Assignment["pairs"] = [];
  const unassigned: Assignment["unassigned"] = [];
  let totalScore = 0;
  for (let i = 0; i < n; i++) {
    const mentee = mentees[i]!;
    const j = flow.assigned[i]!;
    if (j >= 0 && j < m) {
      const mentor = mentors[j]!;
      const score = scorePair(mentee, mentor, w, rules).total;
      pairs.push({ menteeId: mentee.id, mentorId: mentor.id, score });
      totalScore += score;
    } else {
      unassigned.push({ menteeId: mentee.id, reason: reasons.get(i) ?? reasonBusy(allowedCount[i]!) });
    }
  }
  return { assignment: { pairs, unassigned, totalScore, objective }, stats };
}

/**
 * Pairs for a whole pool: each mentee at most once, each mentor at most remainingCapacity mentees
 * (mentors without free places are left out), excluded pairs never. "score" maximizes the total score
 * (ties: more mentees with a mentor — an allowed pair never lowers the total, so no free allowed mentor
 * is left unused, even for a pair scored 0); "participation" maximizes the number of mentees with a
 * mentor, then the total score. Exact (see solveAssignment) for scores rounded to 1/1000 (SCORE_SCALE):
 * the true total can differ from the best by less than 0.0005 per pair.
 */
export function assignPool(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules, objective: Objective = "score"): Assignment {
  return solveAssignment(mentees, mentors, weights, rules, objective).assignment;
}
