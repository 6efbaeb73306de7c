import "server-only";
import { hasPermission } from "../auth/permissions";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { now as readClock } from "../clock";
import type { Prisma, Tx } from "../db";
import type { PersonalProgramDocument } from "../documents/personal-program-docx";
import { DIFFICULTY_TAGS, type DifficultyTag } from "../domain/banks";
import { fullName, initialsAndSurname } from "../domain/names";
import { documentAuthor } from "../domain/organization-profile";
import { isInactive, MEETING_KINDS, MENTORING_FORMS, MENTORING_TYPES } from "../domain/pairs";
import { loadRequisites } from "../organization/requisites";
import { inactivitySince, isGroup, meetingDeletable, PLAN_ITEM_STATUSES, WORKING_MODES, type WorkingMode } from "../domain/personal-programs";
import { plannedMeetingState, scheduleSummary } from "../domain/meeting-schedule";
import { mayEditProgram, mayLogMeetings, pairAccess, PARTICIPANT_VISIBLE_STATUSES, type AccessiblePair, type PairAccess } from "./access";
import { translator } from "../i18n/translator";
import { participantDetails, participantParts, type ParticipantParts } from "./participant";
import { programAccess, type ProgramKey } from "./program-access";

// Reads of a pair's work: its personalized program, its meetings, the signed-in participant's pairs,
// and the progress figures the pairs list shows. Every read goes through pairAccess (lib/pairs/access.ts).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKING = ["APPROVED", "ACTIVE"];

export type PairProgress = {
  /** The pair has a personalized program. */
  hasProgram: boolean;
  /** Plan items marked done. */
  itemsDone: number;
  /** Plan items not cancelled (done + planned). */
  itemsTotal: number;
  /** Meetings logged. */
  meetings: number;
  /** Date of the latest meeting, null when none. */
  lastMeetingOn: Date | null;
  /** A final meeting (итоговая or итоговая групповая) is logged. */
  hasFinal: boolean;
  /** An approved or working pair with no meeting for four weeks (lib/domain/pairs.ts isInactive). */
  inactive: boolean;
};

/** pairProgress for a page: the organization's pairs with these ids, as of the school's today. */
export function getPairProgress(ctx: TenantContext, pairIds: string[]) {
  return readTenant(ctx, (tx) => pairProgress(tx, ctx.organization.id, pairIds, organizationToday(ctx)));
}

/**
 * Progress of the given pairs of one organization, for lists: whether the personalized program exists,
 * plan items done of those not cancelled, meetings, the last meeting's date, whether the final meeting
 * was held, and the inactivity flag (no meeting for four weeks since approval or the program's start).
 * Runs on the caller's tenant transaction. Ids that are not pairs of the organization are left out
 * of the map.
 */
export async function pairProgress(
  tx: Tx,
  organizationId: string,
  pairIds: string[],
  /** The calendar date in the organization's zone: silence is counted in the school's days. */
  today: Date,
): Promise<Map<string, { hasProgram: boolean; itemsDone: number; itemsTotal: number; meetings: number; lastMeetingOn: Date | null; hasFinal: boolean; inactive: boolean }>> {
  const ids = [...new Set(pairIds.filter((id) => UUID.test(id)))];
  const out = new Map<string, PairProgress>();
  if (ids.length === 0) return out;
  // Two statements: the pairs with their personalized program and its done/planned items (relation joins), and
  // the meetings counted per pair and kind.
  const [pairs, meetings] = await Promise.all([
    tx.pair.findMany({
      where: { organizationId, id: { in: ids } },
      select: {
        id: true,
        status: true,
        decidedAt: true,
        createdAt: true,
        order: { select: { date: true } },
        personalProgram: { select: { id: true, startsOn: true, items: { where: { status: { in: ["DONE", "PLANNED"] } }, select: { status: true } } } },
      },
    }),
    tx.meeting.groupBy({ by: ["pairId", "kind"], where: { organizationId, pairId: { in: ids } }, _count: { _all: true }, _max: { heldOn: true } }),
  ]);
  const meetingsOf = new Map<string, { count: number; last: Date | null; final: boolean }>();
  for (const m of meetings) {
    const entry = meetingsOf.get(m.pairId) ?? { count: 0, last: null, final: false };
    entry.count += m._count._all;
    if (m._max.heldOn && (!entry.last || m._max.heldOn > entry.last)) entry.last = m._max.heldOn;
    if ((m.kind === "FINAL" || m.kind === "GROUP_FINAL") && m._count._all > 0) entry.final = true;
    meetingsOf.set(m.pairId, entry);
  }
  for (const pair of pairs) {
    const items = pair.personalProgram?.items ?? [];
    const done = items.filter((i) => i.status === "DONE").length;
    const m = meetingsOf.get(pair.id);
    const lastMeetingOn = m?.last ?? null;
    const since = inactivitySince({ approvedOn: pair.order?.date ?? pair.decidedAt, createdAt: pair.createdAt, programStartsOn: pair.personalProgram?.startsOn ?? null });
    out.set(pair.id, {
      hasProgram: Boolean(pair.personalProgram),
      itemsDone: done,
      itemsTotal: items.length,
      meetings: m?.count ?? 0,
      lastMeetingOn,
      hasFinal: m?.final ?? false,
      inactive: isInactive({ status: pair.status, since, lastMeetingOn }, today),
    });
  }
  return out;
}

// ── One pair ──────────────────────────────────────────────────────────────────────────────────

/** A participant: the name and the parts the page words (participantDetails, lib/pairs/participant.ts). */
type Participant = { id: string; name: string } & ParticipantParts;

/** What pages show of the pair: names, positions or classes, form, type, status — no account links. */
function pairSummary(pair: AccessiblePair) {
  return {
    id: pair.id,
    status: pair.status,
    version: pair.version,
    form: pair.form,
    type: pair.type,
    direction: pair.direction,
    startsOn: pair.startsOn,
    endsOn: pair.endsOn,
    isGroup: isGroup(pair.mentees.length),
    mentor: { id: pair.mentor.id, name: fullName(pair.mentor.person), ...participantParts(pair.mentor.person) } satisfies Participant,
    mentees: pair.mentees.map((m) => ({ id: m.menteeId, name: fullName(m.mentee.person), ...participantParts(m.mentee.person) }) satisfies Participant),
  };
}
export type PairSummary = ReturnType<typeof pairSummary>;

const PROGRAM_SELECT = {
  id: true,
  startsOn: true,
  endsOn: true,
  direction: true,
  goals: true,
  tasks: true,
  workingMode: true,
  difficulties: true,
  intermediateResults: true,
  expectedResults: true,
  achievedResults: true,
  status: true,
  version: true,
  approvedVersion: true,
  approvedAt: true,
  approvedBy: { select: { name: true } },
  updatedAt: true,
  items: { select: { id: true, title: true, dueOn: true, status: true, result: true, position: true }, orderBy: [{ dueOn: "asc" }, { position: "asc" }] },
  plannedMeetings: {
    select: { id: true, plannedOn: true, kind: true, topic: true, meetingId: true, meeting: { select: { heldOn: true } } },
    orderBy: [{ plannedOn: "asc" }, { createdAt: "asc" }],
  },
} satisfies Prisma.PersonalProgramSelect;

/** The schedule as pages show it: each planned meeting with its state (held, overdue, planned) as of the school's today. */
function withStates<T extends { plannedOn: Date; meetingId: string | null; meeting: { heldOn: Date } | null }>(planned: T[], today: Date) {
  return {
    meetings: planned.map((p) => ({ ...p, state: plannedMeetingState(p, today), heldOn: p.meeting?.heldOn ?? null })),
    summary: scheduleSummary(planned, today),
  };
}

function loadProgram(tx: Tx, organizationId: string, key: ProgramKey) {
  return tx.personalProgram.findFirst({ where: { organizationId, ...key }, select: PROGRAM_SELECT });
}

function canEditProgram(ctx: TenantContext, access: PairAccess): boolean {
  return hasPermission(ctx.roles, "personalPrograms.manage") && mayEditProgram(access, ctx) && WORKING.includes(access.pair.status);
}

function canLogMeetings(ctx: TenantContext, access: PairAccess): boolean {
  return hasPermission(ctx.roles, "meetings.log") && mayLogMeetings(access, ctx) && WORKING.includes(access.pair.status);
}

/**
 * The pair's personalized program for its page, or null when the user may not see the pair (→ 404).
 * Editors also get the difficulties they may pick: those in the mentees' bank entries (sensitive: the
 * pair's mentor, the curator and the psychologist see them).
 */
export async function getPairProgram(ctx: TenantContext, pairId: string) {
  return readTenant(ctx, async (tx) => {
    // A school pair, or a cross-school pair this school owns (decision 062): one editor for both.
    const access = await programAccess(tx, ctx, pairId);
    if (!access) return null;
    const organizationId = ctx.organization.id;
    const program = await loadProgram(tx, organizationId, access.key);
    const canEdit = canEditProgram(ctx, access);
    let difficultyOptions: DifficultyTag[] = [];
    if (canEdit) {
      const entries = await tx.menteeProfile.findMany({ where: { organizationId, id: { in: access.pair.mentees.map((m) => m.menteeId) } }, select: { difficulties: true } });
      const known = new Set([...entries.flatMap((e) => e.difficulties), ...(program?.difficulties ?? [])]);
      difficultyOptions = (Object.keys(DIFFICULTY_TAGS) as DifficultyTag[]).filter((tag) => known.has(tag));
    }
    const canApprove =
      hasPermission(ctx.roles, "personalPrograms.approve") && access.as === "staff" && ctx.roles.some((r) => r === "CURATOR" || r === "DIRECTOR") && WORKING.includes(access.pair.status);
    const schedule = withStates(program?.plannedMeetings ?? [], organizationToday(ctx));
    return { as: access.as, pair: pairSummary(access.pair), cross: access.cross, program, schedule, canEdit, canApprove, difficultyOptions, awaitingApproval: access.pair.status === "PROPOSED" };
  });
}

/** The pair's meetings (newest first) with what the meetings page needs, or null (→ 404). */
export async function getPairMeetings(ctx: TenantContext, pairId: string, now: Date = readClock()) {
  return readTenant(ctx, async (tx) => {
    const access = await pairAccess(tx, ctx, pairId);
    if (!access) return null;
    const organizationId = ctx.organization.id;
    const [program, meetings, progress] = await Promise.all([
      tx.personalProgram.findFirst({
        where: { organizationId, pairId },
        select: {
          id: true,
          startsOn: true,
          endsOn: true,
          items: { select: { id: true, title: true, dueOn: true, status: true }, orderBy: [{ dueOn: "asc" }, { position: "asc" }] },
          plannedMeetings: PROGRAM_SELECT.plannedMeetings,
        },
      }),
      tx.meeting.findMany({
        where: { organizationId, pairId },
        select: { id: true, kind: true, heldOn: true, attendeeIds: true, notes: true, planItemIds: true, createdAt: true, loggedById: true, loggedBy: { select: { name: true } } },
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      }),
      pairProgress(tx, organizationId, [pairId], organizationToday(ctx, now)),
    ]);
    const staff = access.as === "staff" && ctx.roles.some((r) => r === "CURATOR" || r === "PSYCHOLOGIST");
    const canLog = canLogMeetings(ctx, access);
    const summary = pairSummary(access.pair);
    const menteeName = new Map(summary.mentees.map((m) => [m.id, m.name]));
    const itemTitle = new Map(program?.items.map((i) => [i.id, i.title]) ?? []);
    return {
      as: access.as,
      pair: summary,
      program,
      schedule: withStates(program?.plannedMeetings ?? [], organizationToday(ctx, now)),
      canLog,
      progress: progress.get(pairId) ?? null,
      meetings: meetings.map(({ loggedById, loggedBy, attendeeIds, planItemIds, ...m }) => ({
        ...m,
        loggedBy: loggedBy.name,
        attendees: attendeeIds.map((id) => menteeName.get(id) ?? "—"),
        items: planItemIds.flatMap((id) => (itemTitle.has(id) ? [itemTitle.get(id)!] : [])),
        canDelete: canLog && meetingDeletable({ loggedById, createdAt: m.createdAt }, ctx.user.id, staff, now),
      })),
    };
  });
}

// ── The signed-in mentor's or mentee's pairs ───────────────────────────────────────────────────

/**
 * Pairs the signed-in user takes part in (their person card linked to the account, Person.userId):
 * as mentor or mentee, from the director's approval on, with the other party and the progress.
 * `linked` is false when no person card of the school is linked to the account at all.
 */
export async function myPairs(ctx: TenantContext, now: Date = readClock()) {
  return readTenant(ctx, async (tx) => {
    const organizationId = ctx.organization.id;
    const userId = ctx.user.id;
    const [linked, pairs] = await Promise.all([
      tx.person.count({ where: { organizationId, userId } }),
      tx.pair.findMany({
        where: {
          organizationId,
          status: { in: [...PARTICIPANT_VISIBLE_STATUSES] },
          OR: [{ mentor: { person: { userId } } }, { mentees: { some: { mentee: { person: { userId } } } } }],
        },
        select: {
          id: true,
          status: true,
          form: true,
          type: true,
          direction: true,
          createdAt: true,
          mentor: { select: { person: { select: { userId: true, lastName: true, firstName: true, middleName: true } } } },
          mentees: { select: { mentee: { select: { person: { select: { userId: true, lastName: true, firstName: true, middleName: true } } } } } },
        },
        orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      }),
    ]);
    const progress = await pairProgress(tx, organizationId, pairs.map((p) => p.id), organizationToday(ctx, now));
    return {
      linked: linked > 0,
      pairs: pairs.map((p) => {
        const role: "mentor" | "mentee" = p.mentor.person.userId === userId ? "mentor" : "mentee";
        const others = role === "mentor" ? p.mentees.map((m) => fullName(m.mentee.person)) : [fullName(p.mentor.person)];
        return { id: p.id, role, status: p.status, form: p.form, type: p.type, direction: p.direction, others, progress: progress.get(p.id) ?? null };
      }),
    };
  });
}

// ── The printable program ──────────────────────────────────────────────────────────────────────

/** The personalized program as a document (lib/documents/docx.ts renderPersonalProgramDocx), or null. */
export async function buildPersonalProgramDocument(ctx: TenantContext, pairId: string): Promise<PersonalProgramDocument | null> {
  return readTenant(ctx, async (tx) => {
    const access = await programAccess(tx, ctx, pairId);
    if (!access) return null;
    const organizationId = ctx.organization.id;
    const [program, mentoring, order, requisites] = await Promise.all([
      loadProgram(tx, organizationId, access.key),
      tx.mentoringProgram.findFirst({ where: { organizationId, id: access.pair.programId }, select: { curator: { select: { name: true } } } }),
      access.pair.orderId ? tx.pairOrder.findFirst({ where: { organizationId, id: access.pair.orderId }, select: { number: true, date: true } }) : null,
      loadRequisites(tx, organizationId),
    ]);
    if (!program) return null;
    const pair = pairSummary(access.pair);
    // The document is Russian whatever the reader's language.
    const russian = translator("ru");
    const ru = (key: "participantStudent" | "participantStudentOfGrade", values?: { grade: string }) => russian(`personalProgram.${key}`, values);
    return {
      ...documentAuthor(requisites),
      mentor: { name: pair.mentor.name, details: participantDetails(ru, pair.mentor) },
      mentees: pair.mentees.map((m) => ({ name: m.name, details: participantDetails(ru, m) })),
      // A cross-school pair has no chosen form: the document names the mentor's organization instead.
      form: access.cross ? russian("personalProgram.crossSchoolForm", { school: access.cross.mentorSchool }) : MENTORING_FORMS[pair.form],
      type: access.cross ? MENTORING_TYPES.TRADITIONAL : MENTORING_TYPES[pair.type],
      order: order ? { number: order.number, date: order.date } : null,
      startsOn: program.startsOn,
      endsOn: program.endsOn,
      direction: program.direction,
      goals: program.goals,
      tasks: program.tasks,
      workingMode: program.workingMode ? WORKING_MODES[program.workingMode as WorkingMode] : null,
      difficulties: program.difficulties.map((d) => DIFFICULTY_TAGS[d as DifficultyTag] ?? d),
      items: program.items.map((i) => ({ title: i.title, dueOn: i.dueOn, status: PLAN_ITEM_STATUSES[i.status], result: i.result })),
      meetings: program.plannedMeetings.map((m) => ({ plannedOn: m.plannedOn, kind: MEETING_KINDS[m.kind], topic: m.topic, heldOn: m.meeting?.heldOn ?? null })),
      intermediateResults: program.intermediateResults,
      expectedResults: program.expectedResults,
      achievedResults: program.achievedResults,
      // The approval is printed only while it holds (an edited program is a draft again).
      approval: program.status === "APPROVED" && program.approvedAt ? { by: program.approvedBy ? initialsAndSurname(program.approvedBy.name) : null, on: program.approvedAt } : null,
      signatures: {
        mentor: initialsAndSurname(pair.mentor.name),
        mentees: pair.mentees.map((m) => initialsAndSurname(m.name)),
        curator: mentoring?.curator ? initialsAndSurname(mentoring.curator.name) : null,
      },
    };
  });
}

/** A pair's page: the pair as the reader may see it (staff or participant) and its decision record; null if not theirs. */
export async function getPairDetails(ctx: TenantContext, pairId: string) {
  return readTenant(ctx, async (tx) => {
    const access = await pairAccess(tx, ctx, pairId);
    if (!access) return null;
    const extra = await tx.pair.findFirst({
      where: { id: pairId, organizationId: ctx.organization.id },
      select: {
        matchScore: true, matchCriteria: true, decisionComment: true, closedReason: true,
        proposedBy: { select: { name: true } }, decidedBy: { select: { name: true } },
        order: { select: { id: true, number: true, date: true } },
      },
    });
    return { ...access, extra: extra! };
  });
}
