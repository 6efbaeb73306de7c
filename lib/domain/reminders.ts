import { isOverdue, type Recurrence } from "./due-period";
import { INACTIVITY_DAYS, isInactive, type PairStatus } from "./pairs";
import { answeringOpen } from "./questionnaires";
import { isoDate } from "./local-date";

// Reminders (issue #6, item 7): what the app reminds whom of, as pure rules. Each draft carries a
// deterministic dedupeKey — the database keeps it unique, so a rule that fires again (the next cycle,
// or another app instance at the same moment) creates nothing new. The key names the state the reminder
// is about (the due date, the 4-week window, the recipient), so a new state gives a new reminder.
// A draft carries no sentence: its kind names the message (reminders.<kind> in the reminders messages) and
// its values fill it — worded when read, in the reader's language (lib/reminders/text.ts, decision 063).

export const REMINDER_KINDS = ["ACTIVITY_DUE", "ACTIVITY_OVERDUE", "PAIR_NO_MEETING", "SURVEY_PENDING", "PAIR_APPROVAL", "DEADLINE_DUE", "DEADLINE_OVERDUE", "LETTER_UNACKNOWLEDGED"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Activities due within this many days are reminded of (the due day itself included). */
export const DUE_SOON_DAYS = 7;

/**
 * The values of a reminder's message: names and titles as they stand, counts, calendar dates as ISO days
 * ("2026-11-30", null when there is none) and lists of names — stored as JSON, worded at read time.
 */
export type ReminderValues = Record<string, string | number | string[] | null>;

export type ReminderDraft = {
  kind: ReminderKind;
  dedupeKey: string;
  userId: string;
  values: ReminderValues;
  /** A path inside the app: /<org>/… */
  link: string;
};

export type ActivityFact = {
  id: string;
  title: string;
  stage: number;
  status: "PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELLED";
  recurrence: Recurrence;
  dueEnd: Date | null;
  responsibleUserId: string | null;
  /** The curator of the activity's program (the fallback recipient). */
  curatorId: string | null;
};

export type PairFact = {
  id: string;
  status: PairStatus;
  /** Since when the pair is expected to meet (lib/domain/personal-programs.ts inactivitySince). */
  since: Date;
  lastMeetingOn: Date | null;
  /** The mentor's account, when the mentor's person is linked to one. */
  mentorUserId: string | null;
  curatorId: string | null;
  mentorName: string;
  menteeNames: string[];
};

export type SurveyFact = {
  recipientId: string;
  /** The account of the person asked (Person.userId). */
  userId: string | null;
  title: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  closesOn: Date | null;
  answeredAt: Date | null;
};

export type ReminderFacts = {
  organization: { slug: string };
  /** Users holding any role in the organization: only they are reminded. */
  memberIds: Iterable<string>;
  /** Users holding the director's role: they approve pairs. */
  directorIds: Iterable<string>;
  activities: ActivityFact[];
  pairs: PairFact[];
  surveys: SurveyFact[];
};

const DAY = 24 * 60 * 60 * 1000;

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** The first of the candidates who is a member of the organization. */
function firstMember(members: ReadonlySet<string>, ...candidates: (string | null | undefined)[]): string | null {
  for (const c of candidates) if (c && members.has(c)) return c;
  return null;
}

function activityDrafts(a: ActivityFact, slug: string, members: ReadonlySet<string>, today: Date): ReminderDraft[] {
  if (a.status === "DONE" || a.status === "CANCELLED" || !a.dueEnd) return [];
  if (a.recurrence === "CONSTANTLY" || a.recurrence === "AS_NEEDED") return [];
  const userId = firstMember(members, a.responsibleUserId, a.curatorId);
  if (!userId) return [];
  const link = `/${slug}/program/roadmap#activities`;
  const due = isoDate(a.dueEnd);
  if (isOverdue(a, today)) {
    return [
      {
        kind: "ACTIVITY_OVERDUE",
        dedupeKey: `activity-overdue:${a.id}:${due}`,
        userId,
        values: { activity: a.title, stage: a.stage, dueOn: due },
        link,
      },
    ];
  }
  const daysLeft = Math.round((utcDay(a.dueEnd) - utcDay(today)) / DAY);
  if (daysLeft < 0 || daysLeft > DUE_SOON_DAYS) return [];
  return [
    {
      kind: "ACTIVITY_DUE",
      dedupeKey: `activity-due:${a.id}:${due}`,
      userId,
      values: { activity: a.title, stage: a.stage, dueOn: due, daysLeft },
      link,
    },
  ];
}

/** Who the pair is: the mentor and the mentees, by name. */
function pairNames(p: PairFact): ReminderValues {
  return { mentor: p.mentorName, mentees: p.menteeNames };
}

/** The 4-week window a silent pair is in: 1 after four weeks without a meeting, 2 after eight… */
export function silenceWindow(p: { since: Date; lastMeetingOn: Date | null }, today: Date): number {
  const last = p.lastMeetingOn ?? p.since;
  return Math.floor((today.getTime() - last.getTime()) / (INACTIVITY_DAYS * DAY));
}

function pairDrafts(p: PairFact, slug: string, members: ReadonlySet<string>, directors: string[], today: Date): ReminderDraft[] {
  if (p.status === "PROPOSED") {
    return directors.map((userId) => ({
      kind: "PAIR_APPROVAL" as const,
      dedupeKey: `pair-approval:${p.id}:${userId}`,
      userId,
      values: pairNames(p),
      link: `/${slug}/pairs#inbox`,
    }));
  }
  if (!isInactive(p, today)) return [];
  const userId = firstMember(members, p.mentorUserId, p.curatorId);
  if (!userId) return [];
  const last = p.lastMeetingOn ?? p.since;
  const window = Math.max(1, silenceWindow(p, today));
  const weeks = Math.floor((today.getTime() - last.getTime()) / (7 * DAY));
  return [
    {
      kind: "PAIR_NO_MEETING",
      dedupeKey: `pair-no-meeting:${p.id}:${isoDate(last)}:${window}`,
      userId,
      values: { weeks, lastMeetingOn: p.lastMeetingOn ? isoDate(p.lastMeetingOn) : null, since: isoDate(p.since), ...pairNames(p) },
      link: `/${slug}/pairs/${p.id}/meetings`,
    },
  ];
}

function surveyDrafts(s: SurveyFact, slug: string, members: ReadonlySet<string>, today: Date): ReminderDraft[] {
  if (s.answeredAt || !s.userId || !members.has(s.userId) || !answeringOpen(s, today)) return [];
  return [
    {
      kind: "SURVEY_PENDING",
      dedupeKey: `survey-pending:${s.recipientId}`,
      userId: s.userId,
      values: { survey: s.title, closesOn: s.closesOn ? isoDate(s.closesOn) : null },
      link: `/${slug}/my-surveys/${s.recipientId}`,
    },
  ];
}

/**
 * Every reminder the organization's current state calls for on `today` — the calendar date in the
 * organization's zone (todayIn), so a reminder falls due on the school's day, not UTC's — ordered by dedupeKey.
 */
export function reminderDrafts(facts: ReminderFacts, today: Date): ReminderDraft[] {
  const members = new Set(facts.memberIds);
  const directors = [...new Set(facts.directorIds)].filter((id) => members.has(id)).sort();
  const slug = facts.organization.slug;
  const drafts = [
    ...facts.activities.flatMap((a) => activityDrafts(a, slug, members, today)),
    ...facts.pairs.flatMap((p) => pairDrafts(p, slug, members, directors, today)),
    ...facts.surveys.flatMap((s) => surveyDrafts(s, slug, members, today)),
  ];
  // One draft per key (a fact listed twice gives one reminder); a stable order keeps concurrent
  // inserters taking the unique index's locks in the same order.
  const byKey = new Map(drafts.map((d) => [d.dedupeKey, d]));
  return [...byKey.values()].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
}

// ── E-mail retries ─────────────────────────────────────────────────────────────────────────────

/** After this many failed attempts an e-mail is given up (FAILED); the notification stays in the app. */
export const MAX_EMAIL_ATTEMPTS = 8;
/** Minutes to wait after the 1st, 2nd, 3rd… failed attempt. */
export const EMAIL_BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;

export function emailBackoffMinutes(failedAttempts: number): number {
  const i = Math.min(Math.max(failedAttempts, 1), EMAIL_BACKOFF_MINUTES.length) - 1;
  return EMAIL_BACKOFF_MINUTES[i]!;
}

/** What a failed attempt leaves: another try later, or FAILED once the attempts are used up. */
export function afterFailedAttempt(attempts: number, now: Date): { emailStatus: "QUEUED"; nextAttemptAt: Date } | { emailStatus: "FAILED"; nextAttemptAt: null } {
  if (attempts >= MAX_EMAIL_ATTEMPTS) return { emailStatus: "FAILED", nextAttemptAt: null };
  return { emailStatus: "QUEUED", nextAttemptAt: new Date(now.getTime() + emailBackoffMinutes(attempts) * 60_000) };
}
