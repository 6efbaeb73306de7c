// Matching of mentees with mentors (issue #5, items 1–2) as pure rules: an explainable score of every
// pair — six criteria, each a value 0..1 times a weight 0..10 chosen by the curator, with a note (a
// message key of `pairs.matching` and its values, worded by lib/pairs/match-text.ts) — hard rules that exclude pairs, and the assignment of a whole pool that maximizes the total
// score (or first the number of mentees who get a mentor) exactly, as a min-cost flow
// (matching-assignment.ts on min-cost-flow.ts).


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

/**
 * A sentence of the matching: a key of `pairs.matching` in the message files with its values; `texts` are
 * values that are sentences themselves, `lists` values that are sentences joined with «; », `difficulties`
 * difficulty tags the reader's vocabulary words into the value {list}. Pages word it with sayMatch
 * (lib/pairs/match-text.ts); the criteria's titles are `pairs.criteria.<key>`.
 */
export type MatchText = {
  key: string;
  values?: Record<string, string | number>;
  texts?: Record<string, MatchText>;
  lists?: Record<string, MatchText[]>;
  difficulties?: string[];
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

export type CriterionScore = { key: CriterionKey; value: number; weight: number; contribution: number; note: MatchText };
/** `excluded`: the reasons a rule (or a built-in exclusion) excludes the pair, in order, or null. */
export type PairScore = { menteeId: string; mentorId: string; total: number; criteria: CriterionScore[]; excluded: MatchText[] | null };

export type Objective = "score" | "participation";
export type Assignment = {
  pairs: { menteeId: string; mentorId: string; score: number }[];
  unassigned: { menteeId: string; reason: MatchText }[];
  totalScore: number;
  objective: Objective;
};

export const NO_FREE_MENTORS: MatchText = { key: "noFreeMentors" };

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
export function combine(w: Weights, subject: number, difficulties: number, experience: number, sameSchool: number, capacity: number, preference: number): number {
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
export const REASON_BITS = 11;

/** The rule's title is `pairs.matching.rule_<criterion>_<kind>`, the reason it fails `reason_<criterion>_<kind>`. */
const ruleText = (criterion: Rule["criterion"], kind: Rule["kind"], prefix: "rule" | "reason"): MatchText => ({
  key: `${prefix}_${criterion}_${kind}`,
  ...(criterion === "experience" ? { values: { gap: MIN_EXPERIENCE_GAP } } : {}),
});

/** The rule as the curator sees it, e.g. «Обязательно общий предмет». */
export function ruleTitle(rule: Rule): MatchText {
  return ruleText(rule.criterion, rule.kind, "rule");
}

function compileRules(rules: Rules): number {
  let bits = 0;
  for (const rule of rules.rules) if (RULE_CRITERIA.includes(rule.criterion) && (rule.kind === "must" || rule.kind === "never")) bits |= ruleBit(rule);
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
export function reasonText(bit: number, mentee: MatchMentee, withRule: boolean): MatchText {
  if (bit === SELF) return { key: "reasonSelf" };
  if (bit === MANUAL) return { key: "reasonManual" };
  if (bit === KIND) return { key: "reasonKind" };
  const index = Math.log2(bit / 8);
  const criterion = RULE_CRITERIA[index >> 1]!;
  const kind: Rule["kind"] = index & 1 ? "never" : "must";
  let fails = ruleText(criterion, kind, "reason");
  if (bit === DIFF_MUST && unique(mentee.difficulties).length === 0) fails = { key: "reasonMenteeNoDifficulties" };
  if (bit === SUBJECT_MUST && unique(mentee.subjects).length === 0) fails = { key: "reasonMenteeNoSubject" };
  if (bit === EXP_MUST && !Number.isFinite(mentee.experienceYears ?? NaN)) fails = { key: "reasonMenteeNoExperience" };
  return withRule ? withRuleTitle(fails, criterion, kind) : fails;
}

const withRuleTitle = (reason: MatchText, criterion: Rule["criterion"], kind: Rule["kind"]): MatchText => ({
  key: "withRule",
  texts: { reason, rule: ruleText(criterion, kind, "rule") },
});

function describeMask(mask: number, mentee: MatchMentee, mentor: MatchMentor): MatchText[] {
  const parts: MatchText[] = [];
  for (let b = 0; b < REASON_BITS; b++) {
    const bit = 1 << b;
    if (!(mask & bit)) continue;
    let text = reasonText(bit, mentee, true);
    if (bit === EXP_MUST && Number.isFinite(mentee.experienceYears ?? NaN) && !Number.isFinite(mentor.experienceYears ?? NaN))
      text = withRuleTitle({ key: "reasonMentorNoExperience" }, "experience", "must");
    parts.push(text);
  }
  return parts;
}

/** Years as a value: whole, or to one decimal. */
const years = (n: number) => Math.round(n * 10) / 10;

// ——— The explained score of one pair ———

/**
 * The score of one pair, criterion by criterion, with a note each (a MatchText), and the reason when a rule
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
  const subjectNote: MatchText = shared
    ? { key: "subjectShared", values: { count: sharedSubjects.size, subjects: [...sharedSubjects.values()].join(", ") } }
    : { key: unique(mentee.subjects).length === 0 ? "subjectMenteeNone" : mentorSubjects.size === 0 ? "subjectMentorNone" : "subjectNone" };

  const difficulties = unique(mentee.difficulties);
  const competencies = new Set(unique(mentor.competencies));
  const covered = difficulties.filter((d) => competencies.has(d));
  const originalTag = (d: string) => mentee.difficulties.find((t) => normalize(t) === d) ?? d;
  const difficultiesNote: MatchText =
    difficulties.length === 0
      ? { key: "difficultiesNone" }
      : covered.length === 0
        ? { key: "difficultiesUncovered", values: { total: difficulties.length } }
        : { key: "difficultiesCovered", values: { covered: covered.length, total: difficulties.length }, difficulties: covered.map((d) => originalTag(d).trim()) };

  const menteeYears = mentee.experienceYears ?? NaN;
  const mentorYears = mentor.experienceYears ?? NaN;
  const gap = mentorYears - menteeYears;
  const experienceNote: MatchText =
    !Number.isFinite(menteeYears) && !Number.isFinite(mentorYears)
      ? { key: "experienceUnknown" }
      : !Number.isFinite(menteeYears)
        ? { key: "experienceMenteeUnknown" }
        : !Number.isFinite(mentorYears)
          ? { key: "experienceMentorUnknown" }
          : gap > 0
            ? { key: "experienceMore", values: { years: years(gap) } }
            : gap === 0
              ? { key: "experienceSame" }
              : { key: "experienceLess", values: { years: years(-gap) } };

  const sameOrg = mentee.organizationId === mentor.organizationId;
  const remaining = Math.max(0, mentor.remainingCapacity);
  const capacityNote: MatchText = mentor.capacity > 0 ? { key: "capacityFree", values: { free: years(remaining), capacity: years(mentor.capacity) } } : { key: "capacityUnknown" };

  const rank = mentee.preferences.indexOf(mentor.id);
  const preferenceNote: MatchText =
    mentee.preferences.length === 0
      ? { key: "preferenceNone" }
      : rank < 0
        ? { key: "preferenceAbsent" }
        : rank < PREFERENCE_VALUES.length
          ? { key: "preferenceRank", values: { rank: rank + 1 } }
          : { key: "preferenceRankIgnored", values: { rank: rank + 1, counted: PREFERENCE_VALUES.length } };

  const values: Record<CriterionKey, [number, MatchText]> = {
    subject: [shared ? 1 : 0, subjectNote],
    difficulties: [difficultiesValue(covered.length, difficulties.length), difficultiesNote],
    experience: [experienceValue(menteeYears, mentorYears), experienceNote],
    sameSchool: [sameOrg ? 1 : 0, { key: sameOrg ? "sameSchoolYes" : "sameSchoolNo" }],
    capacity: [capacityValue(mentor.remainingCapacity, mentor.capacity), capacityNote],
    preference: [preferenceValue(rank), preferenceNote],
  };
  const criteria = CRITERION_KEYS.map((key): CriterionScore => {
    const [value, note] = values[key];
    return { key, value, weight: w[key], contribution: value * w[key], note };
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

export type Pool = {
  n: number;
  m: number;
  /** Scores of mentee i against every mentor into `out` (NaN = excluded); counts the exclusion bits; returns the number allowed. */
  scoreRow(i: number, out: Float64Array, reasonCounts: Int32Array): number;
};

export function preparePool(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules): Pool {
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
