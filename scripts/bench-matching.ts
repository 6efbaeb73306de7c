// npm run bench:matching — how long assignPool takes on a district-sized pool (2 000 mentees × 1 000
// mentors with 1–3 free places each, ~2 000 places), next to a floor measured in the same run: the bare
// computation of all 2 000 000 pair scores (scoreMatrix, the same scoring code the assignment uses).
// Then the optimality gap: (a) 30 random 6 × 4 pools against brute force, (b) 5 random 300 × 150 pools
// against the same solver on the full graph and an independent Hungarian method. The last line is JSON.

import { DIFFICULTY_TAGS } from "../lib/domain/banks";
import {
  DEFAULT_WEIGHTS, scoreMatrix,
  type Assignment, type MatchMentee, type MatchMentor, type Objective, type Rule, type Rules, type Weights,
} from "../lib/domain/matching";
import { assignPool, solveAssignment } from "../lib/domain/matching-assignment";

const MENTEES = Number(process.env.BENCH_MENTEES ?? 2_000);
const MENTORS = Number(process.env.BENCH_MENTORS ?? 1_000);

// ——— A realistic district: 40 schools, teachers and students, needs from the banks' vocabulary ———

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SUBJECTS = [
  "Математика", "Русский язык", "Литература", "История", "Обществознание", "Физика", "Химия", "Биология", "География",
  "Английский язык", "Информатика", "Физическая культура", "Музыка", "Изобразительное искусство", "Технология", "Окружающий мир",
];
const TAGS = Object.keys(DIFFICULTY_TAGS);
const STUDENT_TAGS = ["STUDY_SKILLS", "CAREER", "GIFTED_WORK", "INDIVIDUAL", "SUBJECT", "DIGITAL"];

function generatePool(mentees: number, mentors: number, seed: number, schools = 40, withPreferences = true) {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T,>(list: readonly T[], lo: number, hi: number) => {
    const count = int(lo, hi);
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list));
    return [...chosen];
  };
  const school = (i: number) => `school-${i % schools}`;

  const mentorList: MatchMentor[] = [];
  for (let j = 0; j < mentors; j++) {
    const r = random();
    const kind = r < 0.85 ? "TEACHER" : r < 0.95 ? "EXTERNAL" : "STUDENT";
    const capacity = int(1, 3);
    mentorList.push({
      id: `mentor-${j}`,
      personId: `person-m${j}`,
      kind,
      organizationId: school(int(0, schools - 1)),
      subjects: kind === "STUDENT" ? some(SUBJECTS, 1, 1) : some(SUBJECTS, 1, 2),
      competencies: kind === "STUDENT" ? some(STUDENT_TAGS, 1, 3) : some(TAGS, 2, 6),
      experienceYears: kind === "STUDENT" ? null : kind === "EXTERNAL" && random() < 0.3 ? null : int(3, 35),
      capacity,
      remainingCapacity: capacity,
    });
  }
  const menteeList: MatchMentee[] = [];
  for (let i = 0; i < mentees; i++) {
    const student = random() < 0.3;
    const organizationId = school(int(0, schools - 1));
    const local = mentorList.filter((x) => x.organizationId === organizationId);
    const preferences = withPreferences && random() < 0.4 && local.length > 0 ? some(local, 1, 3).map((x) => x.id) : [];
    menteeList.push({
      id: `mentee-${i}`,
      // A few people are in both banks: a young teacher who mentors a student and is mentored themselves.
      personId: i % 50 === 0 && i / 50 < mentors ? `person-m${i / 50}` : `person-e${i}`,
      kind: student ? "STUDENT" : "TEACHER",
      organizationId,
      subjects: student ? some(SUBJECTS, 0, 1) : some(SUBJECTS, 1, 2),
      difficulties: student ? some(STUDENT_TAGS, 0, 2) : some(TAGS, 1, 4),
      experienceYears: student ? null : int(0, 5),
      preferences,
    });
  }
  return { mentees: menteeList, mentors: mentorList };
}

// ——— References: brute force and an independent Hungarian method on float scores ———

type Value = { count: number; score: number };
const better = (x: Value, y: Value, objective: Objective) =>
  objective === "participation"
    ? x.count > y.count || (x.count === y.count && x.score > y.score + 1e-12)
    : x.score > y.score + 1e-12 || (Math.abs(x.score - y.score) <= 1e-12 && x.count > y.count);

function bruteForce(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules, objective: Objective): Value {
  const scores = scoreMatrix(mentees, mentors, weights, rules);
  const left = mentors.map((x) => Math.max(0, Math.floor(x.remainingCapacity)));
  let best: Value = { count: 0, score: 0 };
  const walk = (i: number, count: number, score: number) => {
    if (i === mentees.length) {
      if (better({ count, score }, best, objective)) best = { count, score };
      return;
    }
    walk(i + 1, count, score);
    for (let j = 0; j < mentors.length; j++) {
      const s = scores[i * mentors.length + j]!;
      if (Number.isNaN(s) || left[j]! === 0) continue;
      left[j]!--;
      walk(i + 1, count + 1, score + s);
      left[j]!++;
    }
  };
  walk(0, 0, 0);
  return best;
}

/** Rectangular Hungarian method (rows ≤ columns), minimizing; columns are the mentors' places and one «без наставника» per mentee. */
function hungarian(mentees: MatchMentee[], mentors: MatchMentor[], weights: Weights, rules: Rules, objective: Objective): Value {
  const scores = scoreMatrix(mentees, mentors, weights, rules);
  const n = mentees.length;
  const columnMentor: number[] = [];
  mentors.forEach((x, j) => {
    for (let k = 0; k < Math.floor(x.remainingCapacity); k++) columnMentor.push(j);
  });
  for (let i = 0; i < n; i++) columnMentor.push(-1);
  const cols = columnMentor.length;
  const BIG = 1e5; // above any total score: participation first
  const FORBIDDEN = 1e12;
  const cost = (i: number, c: number) => {
    const j = columnMentor[c]!;
    if (j < 0) return 0;
    const s = scores[i * mentors.length + j]!;
    if (Number.isNaN(s)) return FORBIDDEN;
    return objective === "participation" ? -(BIG + s) : -(s + 1e-7);
  };
  const u = new Float64Array(n + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let count = 0;
  let score = 0;
  for (let c = 1; c <= cols; c++) {
    const i = p[c]!;
    const j = columnMentor[c - 1]!;
    if (i === 0 || j < 0) continue;
    count++;
    score += scores[(i - 1) * mentors.length + j]!;
  }
  return { count, score };
}

const valueOf = (a: Assignment): Value => ({ count: a.pairs.length, score: a.totalScore });
function gapPercent(ours: Value, best: Value, objective: Objective): number {
  if (objective === "participation" && ours.count < best.count) return (100 * (best.count - ours.count)) / best.count;
  if (best.score <= 0) return 0;
  return Math.max(0, (100 * (best.score - ours.score)) / best.score);
}

function randomRules(random: () => number): Rules {
  const rules: Rule[] = [];
  for (const criterion of ["subject", "sameSchool", "difficulties", "experience"] as const) {
    const r = random();
    if (r < 0.12) rules.push({ criterion, kind: "must" });
    else if (r < 0.16) rules.push({ criterion, kind: "never" });
  }
  return { rules };
}
function randomWeights(random: () => number): Weights {
  const w = (): number => Math.round(random() * 10);
  return { subject: w(), difficulties: w(), experience: w(), sameSchool: w(), capacity: w(), preference: w() };
}
function withRandomPlaces(mentors: MatchMentor[], random: () => number): MatchMentor[] {
  return mentors.map((x) => ({ ...x, remainingCapacity: Math.floor(random() * (x.capacity + 1)) }));
}

// ——— The run ———

const time = <T,>(f: () => T): [T, number] => {
  const started = performance.now();
  const result = f();
  return [result, (performance.now() - started) / 1000];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function main() {
  const pool = generatePool(MENTEES, MENTORS, 2026);
  const places = pool.mentors.reduce((s, x) => s + x.remainingCapacity, 0);
  const rules: Rules = { rules: [] };

  const runs: number[] = [];
  const floors: number[] = [];
  let result: ReturnType<typeof solveAssignment> | undefined;
  for (let r = 0; r < 3; r++) {
    const [, floor] = time(() => scoreMatrix(pool.mentees, pool.mentors, DEFAULT_WEIGHTS, rules));
    floors.push(floor);
    const [solved, seconds] = time(() => solveAssignment(pool.mentees, pool.mentors, DEFAULT_WEIGHTS, rules, "score"));
    runs.push(seconds);
    result = solved;
  }
  const [participation, participationSeconds] = time(() => assignPool(pool.mentees, pool.mentors, DEFAULT_WEIGHTS, rules, "participation"));
  const districtRules: Rules = { rules: [{ criterion: "sameSchool", kind: "never" }, { criterion: "difficulties", kind: "must" }] };
  const [ruled, ruledSeconds] = time(() => assignPool(pool.mentees, pool.mentors, DEFAULT_WEIGHTS, districtRules, "score"));

  const seconds = median(runs);
  const floorSeconds = median(floors);
  const a = result!.assignment;
  console.log(`Пул: ${MENTEES} наставляемых × ${MENTORS} наставников, свободных мест ${places}, пар ${MENTEES * MENTORS}`);
  console.log(`assignPool («score»), медиана 3:        ${seconds.toFixed(3)} с  (прогоны: ${runs.map((x) => x.toFixed(3)).join(", ")})`);
  console.log(`  пар ${a.pairs.length}, без наставника ${a.unassigned.length}, сумма ${a.totalScore.toFixed(2)}; дуг в сети ${result!.stats.arcs}, проверок оптимальности ${result!.stats.rounds}, добавлено дуг ${result!.stats.addedArcs}, перенаправлено ${result!.stats.reroutedMentees}`);
  console.log(`assignPool («participation»):          ${participationSeconds.toFixed(3)} с  (пар ${participation.pairs.length}, сумма ${participation.totalScore.toFixed(2)})`);
  console.log(`assignPool, правила «другая школа» + «закрывает затруднение»: ${ruledSeconds.toFixed(3)} с  (пар ${ruled.pairs.length})`);
  console.log(`Нижняя граница (только оценки всех пар, scoreMatrix), медиана 3: ${floorSeconds.toFixed(3)} с; отношение ${(seconds / floorSeconds).toFixed(2)}`);

  // (a) tiny pools against brute force
  const random = prng(7);
  let gapSmall = 0;
  let smallChecked = 0;
  for (let t = 0; t < 30; t++) {
    const small = generatePool(6, 4, 1000 + t, 3);
    const mentors = withRandomPlaces(small.mentors, random);
    const weights = randomWeights(random);
    const smallRules = randomRules(random);
    for (const objective of ["score", "participation"] as const) {
      const ours = valueOf(assignPool(small.mentees, mentors, weights, smallRules, objective));
      gapSmall = Math.max(gapSmall, gapPercent(ours, bruteForce(small.mentees, mentors, weights, smallRules, objective), objective));
      smallChecked++;
    }
  }
  // (b) 300 × 150 pools against the full-graph solver and the Hungarian method
  let gapFull = 0;
  let gapHungarian = 0;
  let prunedSeconds = 0;
  let fullSeconds = 0;
  let hungarianSeconds = 0;
  for (let t = 0; t < 5; t++) {
    const mid = generatePool(300, 150, 5000 + t, 8);
    const objective: Objective = t % 2 === 0 ? "score" : "participation";
    const midRules: Rules = t === 4 ? { rules: [{ criterion: "subject", kind: "must" }] } : { rules: [] };
    const [pruned, ps] = time(() => assignPool(mid.mentees, mid.mentors, DEFAULT_WEIGHTS, midRules, objective));
    const [full, fs] = time(() => solveAssignment(mid.mentees, mid.mentors, DEFAULT_WEIGHTS, midRules, objective, { candidatesPerMentee: Infinity }).assignment);
    const [reference, hs] = time(() => hungarian(mid.mentees, mid.mentors, DEFAULT_WEIGHTS, midRules, objective));
    prunedSeconds += ps;
    fullSeconds += fs;
    hungarianSeconds += hs;
    gapFull = Math.max(gapFull, gapPercent(valueOf(pruned), valueOf(full), objective));
    gapHungarian = Math.max(gapHungarian, gapPercent(valueOf(pruned), reference, objective));
  }
  // Differences below 1e-9 % are float summation order, not a worse assignment.
  const gap = Math.round(Math.max(gapSmall, gapFull, gapHungarian) * 1e9) / 1e9;
  console.log("");
  console.log("Разрыв с оптимумом                               | проверок | макс. разрыв, %");
  console.log(`6 × 4, полный перебор                            | ${String(smallChecked).padStart(8)} | ${gapSmall.toExponential(2)}`);
  console.log(`300 × 150, тот же метод на полном графе          | ${String(5).padStart(8)} | ${gapFull.toExponential(2)}`);
  console.log(`300 × 150, венгерский метод (независимый)        | ${String(5).padStart(8)} | ${gapHungarian.toExponential(2)}`);
  console.log(`Время 300 × 150 (5 пулов): отсечение ${prunedSeconds.toFixed(3)} с, полный граф ${fullSeconds.toFixed(3)} с, венгерский ${hungarianSeconds.toFixed(3)} с`);
  console.log(
    JSON.stringify({ mentees: MENTEES, mentors: MENTORS, seconds: round(seconds), gapPercent: gap, floorSeconds: round(floorSeconds), ratio: round(seconds / floorSeconds, 2) }),
  );
}

main();
