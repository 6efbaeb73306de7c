// The assignment of a whole pool of mentees to mentors that maximizes the total score (or first the number
// of mentees who get a mentor) exactly, as a min-cost flow (min-cost-flow.ts), checked against every
// allowed pair; the scores and exclusions come from matching.ts.

import {
  combine,
  NO_FREE_MENTORS,
  normalizeWeights,
  preparePool,
  REASON_BITS,
  reasonText,
  scorePair,
  type Assignment,
  type MatchMentee,
  type MatchText,
  type MatchMentor,
  type Objective,
  type Rules,
  type Weights,
} from "./matching";
import { createFlow } from "./min-cost-flow";

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

function reasonRulesFail(mentee: MatchMentee, counts: Int32Array, free: number): MatchText {
  const parts: MatchText[] = [];
  for (let b = 0; b < REASON_BITS; b++) if (counts[b]! > 0) parts.push({ key: "rulesFailPart", values: { count: counts[b]!, free }, texts: { reason: reasonText(1 << b, mentee, false) } });
  return { key: "rulesFail", lists: { parts } };
}

const reasonBusy = (allowed: number): MatchText => ({ key: "busy", values: { allowed } });

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
  const reasons = new Map<number, MatchText>();
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
