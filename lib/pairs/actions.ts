"use server";

import "server-only";
import { CONSENT_SELECT } from "../people/select";
import { defineAction, done } from "../actions/action";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { todayIn } from "../domain/local-date";
import { refuse } from "../actions/result";
import type { AppLocale } from "../i18n/config";
import { completedPairProgramRefusal } from "../completion/guard";
import { Prisma, type Tx } from "../db";
import { DEFAULT_WEIGHTS, suggestMentors, type MatchText, type PairScore, type Rule, type Weights } from "../domain/matching";
import { assignPool } from "../domain/matching-assignment";
import { dutiesConsentProblem } from "../domain/mentor-documents";
import { problemText } from "../people/problem-text";
import { fullName } from "../domain/names";
import { CAPACITY_STATUSES, LIVE_PAIR_STATUSES, suggestedForm } from "../domain/pairs";
import { loadDistrictMentors } from "../banks/district";
import { sayMatch } from "./match-text";
import { matchWords } from "./match-words";
import { loadMatchPool, pairRefusal } from "./pool";
import { issuePairsOrder } from "./order-issue";
import { ApprovePairsInput, ClosePairInput, MatchInput, ProposePairsInput, RejectPairInput, WithdrawPairInput, type RULE_CHOICES } from "./schemas";

const RULES: Record<(typeof RULE_CHOICES)[number], Rule> = {
  mustSubject: { criterion: "subject", kind: "must" },
  mustSameSchool: { criterion: "sameSchool", kind: "must" },
  mustDifficulties: { criterion: "difficulties", kind: "must" },
  mustExperience: { criterion: "experience", kind: "must" },
  neverSameSchool: { criterion: "sameSchool", kind: "never" },
};

async function activeProgram(tx: Tx, organizationId: string, programId: string) {
  return tx.mentoringProgram.findFirst({ where: { id: programId, organizationId }, select: { id: true, stage: true, status: true, academicYear: true } });
}

export type ProposalRow = {
  mentorId: string;
  mentorName: string;
  /** The mentor's school when it is another school of the district (the pair is arranged between schools). */
  mentorSchool: string | null;
  menteeIds: string[];
  menteeNames: string[];
  form: string;
  type: string;
  score: number;
  criteria: PairScore["criteria"];
};

export type MatchResult = {
  kind: "one" | "school";
  menteeName: string | null;
  suggestions: (PairScore & { mentorName: string })[];
  proposal: ProposalRow[];
  /** The reasons are sentences of `pairs.matching` (sayMatch, lib/pairs/match-text.ts). */
  unassigned: { menteeId: string; name: string; reason: MatchText }[];
  left: { menteeId: string; name: string; reason: MatchText }[];
  reason: MatchText | null;
  totalScore: number;
};

/**
 * The matching: suggestions for one mentee, or a proposal for the whole school. Writes nothing but the
 * weights and rules the curator used (kept on the program for next time).
 */
export const matchPairs = defineAction({
  name: "pairs.match",
  scope: "tenant",
  permission: "pairs.propose",
  input: MatchInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await activeProgram(tx, organizationId, input.programId);
    if (!program) return refuse("NOT_FOUND", "notFound");
    if (program.status !== "ACTIVE") return refuse("CONFLICT", "programCompleted");
    const external = new Map<string, string>();
    const weights: Weights = { ...DEFAULT_WEIGHTS, ...input.weights };
    const rules = { rules: input.rules.map((r) => RULES[r]) };
    await tx.mentoringProgram.update({ where: { id: program.id }, data: { matchingSettings: { weights, rules: input.rules, objective: input.objective } } });
    const pool = await loadMatchPool(tx, organizationId, program.id, organizationToday(ctx));
    if (input.pool === "district") {
      for (const m of await loadDistrictMentors(tx, organizationId, organizationToday(ctx))) {
        pool.mentors.push({ ...m, view: { id: m.id, personId: m.personId ?? "", name: m.name, details: m.position, kind: m.kind } });
        external.set(m.id, m.organizationName);
      }
    }
    const mentorView = new Map(pool.mentors.map((m) => [m.id, m]));
    const menteeView = new Map(pool.mentees.map((m) => [m.id, m]));
    const left = pool.left.map((l) => ({ menteeId: l.view.id, name: l.view.name, reason: l.reason }));

    if (input.menteeId) {
      const mentee = menteeView.get(input.menteeId);
      if (!mentee) {
        const { words } = matchWords(ctx.user.locale ?? "ru");
        return refuse("CONFLICT", "menteeNotMatchable", undefined, { details: [sayMatch(words, pool.left.find((l) => l.view.id === input.menteeId)?.reason ?? { key: "notMatchable" })] });
      }
      const suggestions = suggestMentors(mentee, pool.mentors, weights, rules, 5).map((s) => ({
        ...s,
        mentorName: [mentorView.get(s.mentorId)?.view.name, external.get(s.mentorId)].filter(Boolean).join(", "),
      }));
      const one: MatchResult = { kind: "one", menteeName: mentee.view.name, suggestions, proposal: [], unassigned: [], left, reason: suggestions.length ? null : { key: "noMentorsOne" }, totalScore: 0 };
      return done(one);
    }

    const assignment = assignPool(pool.mentees, pool.mentors, weights, rules, input.objective);
    // One row per mentor: several mentees of one mentor make a group the curator can split.
    const scores = new Map<string, PairScore>();
    for (const p of assignment.pairs) scores.set(`${p.menteeId}:${p.mentorId}`, suggestMentors(menteeView.get(p.menteeId)!, [mentorView.get(p.mentorId)!], weights, rules, 1)[0]!);
    const proposal: ProposalRow[] = assignment.pairs.map((p) => {
      const mentor = mentorView.get(p.mentorId)!;
      const mentee = menteeView.get(p.menteeId)!;
      return {
        mentorId: p.mentorId,
        mentorName: mentor.view.name,
        mentorSchool: external.get(p.mentorId) ?? null,
        menteeIds: [p.menteeId],
        menteeNames: [mentee.view.name],
        form: suggestedForm(mentor.kind, mentee.kind),
        type: "TRADITIONAL",
        score: p.score,
        criteria: scores.get(`${p.menteeId}:${p.mentorId}`)?.criteria ?? [],
      };
    });
    const unassigned = assignment.unassigned.map((u) => ({ menteeId: u.menteeId, name: menteeView.get(u.menteeId)?.view.name ?? "", reason: u.reason }));
    const reason: MatchText | null = pool.mentors.length === 0 ? { key: "noMentorsSchool" } : pool.mentees.length === 0 ? { key: "noMenteesSchool" } : null;
    const school: MatchResult = { kind: "school", menteeName: null, suggestions: [], proposal, unassigned, left, reason, totalScore: assignment.totalScore };
    return done(school);
  },
});

/** Checks shared by proposing and approving: the people may be in a pair, the mentor has room. Worded in `locale` (the refusal's details). */
async function pairProblems(tx: Tx, organizationId: string, programId: string, pairs: { mentorId: string; menteeIds: string[]; direction: string | null; excludePairIds?: string[] }[], capacityStatuses: readonly string[], timeZone: string, locale: AppLocale) {
  const problems: string[] = [];
  const { t, words } = matchWords(locale);
  const refused = (name: string, refusal: MatchText) => t("problems.personRefused", { name, reason: sayMatch(words, refusal) });
  const today = todayIn(timeZone, now());
  const mentorIds = [...new Set(pairs.map((p) => p.mentorId))];
  const menteeIds = [...new Set(pairs.flatMap((p) => p.menteeIds))];
  const exclude = pairs.flatMap((p) => p.excludePairIds ?? []);
  const [mentors, mentees] = await Promise.all([
    tx.mentorProfile.findMany({
      where: { organizationId, id: { in: mentorIds } },
      select: {
        id: true, status: true, capacity: true,
        person: { select: { lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } },
        pairs: { where: { status: { in: capacityStatuses as never }, id: { notIn: exclude } }, select: { _count: { select: { mentees: true } } } },
        // The mentor's seats in other schools' pairs count too (decision 058).
        crossPairs: { where: { status: { in: ["PROPOSED", "CONSENTED", "ACTIVE"] } }, select: { id: true } },
      },
    }),
    tx.menteeProfile.findMany({
      where: { organizationId, id: { in: menteeIds } },
      select: {
        id: true, status: true, approvedAt: true,
        person: { select: { lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } },
        pairs: { where: { pair: { status: { in: LIVE_PAIR_STATUSES }, id: { notIn: exclude } } }, select: { pair: { select: { direction: true, programId: true } } } },
      },
    }),
  ]);
  const mentorById = new Map(mentors.map((m) => [m.id, m]));
  const menteeById = new Map(mentees.map((m) => [m.id, m]));
  const seats = new Map<string, number>();
  const seen = new Set<string>();
  for (const pair of pairs) {
    const mentor = mentorById.get(pair.mentorId);
    if (!mentor) {
      problems.push(t("problems.mentorNotInBank"));
      continue;
    }
    const mentorName = fullName(mentor.person);
    if (mentor.status !== "APPROVED") problems.push(t("problems.mentorNotApproved", { name: mentorName }));
    const mentorRefusal = pairRefusal(mentor.person, today);
    if (mentorRefusal) problems.push(refused(mentorName, mentorRefusal));
    const taken = (seats.get(mentor.id) ?? mentor.pairs.reduce((n, p) => n + p._count.mentees, 0) + mentor.crossPairs.length) + pair.menteeIds.length;
    seats.set(mentor.id, taken);
    if (taken > mentor.capacity) problems.push(t("problems.mentorOverCapacity", { name: mentorName, taken, capacity: mentor.capacity }));
    for (const id of pair.menteeIds) {
      const mentee = menteeById.get(id);
      if (!mentee) {
        problems.push(t("problems.menteeNotInBank"));
        continue;
      }
      const name = fullName(mentee.person);
      if (mentee.status === "LEFT") problems.push(t("problems.menteeLeft", { name }));
      // The head approves mentees as well as mentors (decision 025).
      else if (!mentee.approvedAt) problems.push(t("problems.menteeNotApproved", { name }));
      const refusal = pairRefusal(mentee.person, today);
      if (refusal) problems.push(refused(name, refusal));
      // No mentee in two live pairs of the same direction (in this batch or already).
      const key = `${id}:${(pair.direction ?? "").toLowerCase()}`;
      const clash = seen.has(key) || mentee.pairs.some((p) => p.pair.programId === programId && (p.pair.direction ?? "").toLowerCase() === (pair.direction ?? "").toLowerCase());
      if (clash) problems.push(t("problems.menteeSameDirection", { name }));
      seen.add(key);
    }
  }
  return problems;
}

/** The curator's edited proposal becomes proposed pairs, waiting for the director. */
export const proposePairs = defineAction({
  name: "pairs.propose",
  scope: "tenant",
  idempotent: true,
  permission: "pairs.propose",
  input: ProposePairsInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await activeProgram(tx, organizationId, input.programId);
    if (!program) return refuse("NOT_FOUND", "notFound");
    if (program.status !== "ACTIVE") return refuse("CONFLICT", "programCompleted");
    if (program.stage < 4) return refuse("CONFLICT", "pairsTooEarly", undefined, { values: { stage: program.stage } });
    const problems = await pairProblems(tx, organizationId, program.id, input.pairs, LIVE_PAIR_STATUSES, ctx.organization.timeZone, ctx.user.locale ?? "ru");
    if (problems.length) return refuse("CONFLICT", "pairsRefused", undefined, { details: problems });
    // Two statements for the whole proposal, not two per pair: ids are made here, from the same source
    // as the Prisma client's @default(uuid()) (Web Crypto), so that a test can seed both at once.
    const rows = input.pairs.map((p) => ({ id: crypto.randomUUID(), ...p }));
    const createdAt = now(); // the app's clock: a silent pair's weeks may be counted from it
    await tx.pair.createMany({
      data: rows.map((p) => ({
        id: p.id,
        createdAt,
        organizationId,
        programId: program.id,
        mentorId: p.mentorId,
        form: p.form,
        type: p.menteeIds.length > 1 && p.type === "TRADITIONAL" ? "GROUP" : p.type,
        direction: p.direction,
        matchScore: p.score ?? null,
        matchCriteria: p.criteria ?? Prisma.DbNull,
        proposedById: ctx.user.id,
      })),
    });
    await tx.pairMentee.createMany({ data: rows.flatMap((p) => p.menteeIds.map((menteeId) => ({ organizationId, pairId: p.id, menteeId }))) });
    const ids = rows.map((p) => p.id);
    return done({ pairIds: ids }, { targetType: "MentoringProgram", targetId: program.id, data: { proposed: ids.length } });
  },
});

/**
 * The director approves proposed pairs — one, or a batch — and one order «О закреплении наставнических
 * пар / групп» is numbered and registered as an approved local act. Each pair is updated only at the
 * version the director saw, so two approvals racing for the same pair produce one order.
 */
export const approvePairs = defineAction({
  name: "pairs.approve",
  scope: "tenant",
  permission: "pairs.approve",
  input: ApprovePairsInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const ids = input.pairs.map((p) => p.pairId);
    if (new Set(ids).size !== ids.length) return refuse("VALIDATION", "validation");
    const pairs = await tx.pair.findMany({
      where: { organizationId, id: { in: ids } },
      select: { id: true, status: true, version: true, programId: true, mentorId: true, direction: true, mentees: { select: { menteeId: true } } },
    });
    if (pairs.length !== ids.length) return refuse("NOT_FOUND", "notFound");
    const programIds = [...new Set(pairs.map((p) => p.programId))];
    if (programIds.length !== 1) return refuse("VALIDATION", "pairsOneProgram");
    const program = await activeProgram(tx, organizationId, programIds[0]!);
    if (!program || program.status !== "ACTIVE") return refuse("CONFLICT", "programCompleted");
    if (program.stage < 5) return refuse("CONFLICT", "pairsApproveTooEarly", undefined, { values: { stage: program.stage } });
    const stale = pairs.filter((p) => p.status !== "PROPOSED" || p.version !== input.pairs.find((v) => v.pairId === p.id)!.version);
    if (stale.length) return refuse("CONFLICT", "pairsAlreadyDecided");
    const problems = await pairProblems(
      tx,
      organizationId,
      program.id,
      pairs.map((p) => ({ mentorId: p.mentorId, menteeIds: p.mentees.map((m) => m.menteeId), direction: p.direction, excludePairIds: ids })),
      CAPACITY_STATUSES,
      ctx.organization.timeZone,
      ctx.user.locale ?? "ru",
    );
    // The order that secures the pairs cites each mentor's written consent to the additional duties (decision 023).
    const mentors = await tx.mentorProfile.findMany({ where: { organizationId, id: { in: pairs.map((p) => p.mentorId) } }, select: { dutiesConsentAt: true, person: { select: { lastName: true, firstName: true, middleName: true } } } });
    for (const m of mentors.sort((x, y) => fullName(x.person).localeCompare(fullName(y.person), "ru"))) {
      const problem = dutiesConsentProblem(fullName(m.person), m.dutiesConsentAt, input.orderDate);
      if (problem) problems.push(problemText(problem, ctx.user.locale ?? "ru"));
    }
    if (problems.length) return refuse("CONFLICT", "pairsRefused", undefined, { details: problems });

    const decidedAt = now();
    // Rows are locked in one order (by id) whatever order the director ticked them in: two batches
    // over the same pairs in opposite orders would otherwise deadlock instead of one losing cleanly.
    for (const v of [...input.pairs].sort((x, y) => (x.pairId < y.pairId ? -1 : x.pairId > y.pairId ? 1 : 0))) {
      const updated = await tx.pair.updateMany({
        where: { id: v.pairId, organizationId, status: "PROPOSED", version: v.version },
        data: { status: "APPROVED", version: { increment: 1 }, decidedById: ctx.user.id, decidedAt, decisionComment: input.comment, startsOn: input.orderDate },
      });
      // Someone else decided this pair since it was read: the whole batch rolls back.
      if (updated.count !== 1) return refuse("CONFLICT", "pairsAlreadyDecided");
    }
    const { orderId, number } = await issuePairsOrder(tx, { organizationId, programId: program.id, date: input.orderDate, userId: ctx.user.id, approvedAt: decidedAt });
    await tx.pair.updateMany({ where: { organizationId, id: { in: ids } }, data: { orderId } });
    await tx.menteeProfile.updateMany({ where: { organizationId, id: { in: pairs.flatMap((p) => p.mentees.map((m) => m.menteeId)) } }, data: { status: "PAIRED" } });
    return done({ orderId, number, pairs: ids.length }, { targetType: "PairOrder", targetId: orderId, data: { number, pairs: ids.length } });
  },
});

export const rejectPair = defineAction({
  name: "pairs.reject",
  scope: "tenant",
  permission: "pairs.approve",
  input: RejectPairInput,
  async run({ input, tx, ctx }) {
    const completed = await completedPairProgramRefusal(tx, ctx.organization.id, input.pairId);
    if (completed) return completed;
    const updated = await tx.pair.updateMany({
      where: { id: input.pairId, organizationId: ctx.organization.id, status: "PROPOSED", version: input.version },
      data: { status: "REJECTED", version: { increment: 1 }, decidedById: ctx.user.id, decidedAt: now(), decisionComment: input.comment },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "pairsAlreadyDecided");
    return done({ pairId: input.pairId }, { targetType: "Pair", targetId: input.pairId, data: { comment: input.comment } });
  },
});

/** The curator takes back a proposal the director has not decided yet. */
export const withdrawPair = defineAction({
  name: "pairs.withdraw",
  scope: "tenant",
  permission: "pairs.propose",
  input: WithdrawPairInput,
  async run({ input, tx, ctx }) {
    const completed = await completedPairProgramRefusal(tx, ctx.organization.id, input.pairId);
    if (completed) return completed;
    const removed = await tx.pair.deleteMany({ where: { id: input.pairId, organizationId: ctx.organization.id, status: "PROPOSED", version: input.version } });
    if (removed.count !== 1) return refuse("CONFLICT", "pairsAlreadyDecided");
    return done({ pairId: input.pairId }, { targetType: "Pair", targetId: input.pairId });
  },
});

/** Completes or dissolves a working pair with a reason; its mentees wait for a mentor again when dissolved. */
export const closePair = defineAction({
  name: "pairs.close",
  scope: "tenant",
  permission: "pairs.manage",
  input: ClosePairInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const completed = await completedPairProgramRefusal(tx, organizationId, input.pairId);
    if (completed) return completed;
    const updated = await tx.pair.updateMany({
      where: { id: input.pairId, organizationId, status: { in: ["APPROVED", "ACTIVE"] }, version: input.version },
      data: { status: input.outcome, version: { increment: 1 }, closedReason: input.reason, closedAt: now() },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "pairsAlreadyDecided");
    if (input.outcome === "DISSOLVED") {
      const mentees = await tx.pairMentee.findMany({ where: { organizationId, pairId: input.pairId }, select: { menteeId: true } });
      for (const { menteeId } of mentees) {
        const other = await tx.pairMentee.count({ where: { organizationId, menteeId, pair: { status: { in: CAPACITY_STATUSES }, id: { not: input.pairId } } } });
        if (other === 0) await tx.menteeProfile.updateMany({ where: { id: menteeId, organizationId, status: "PAIRED" }, data: { status: "WAITING" } });
      }
    }
    return done({ pairId: input.pairId }, { targetType: "Pair", targetId: input.pairId, data: { outcome: input.outcome, reason: input.reason } });
  },
});
