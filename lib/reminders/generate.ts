import "server-only";
import type { Tx } from "../db";
import { fullName } from "../domain/names";
import { inactivitySince } from "../domain/personal-programs";
import { addDays, todayIn } from "../domain/local-date";
import { DUE_SOON_DAYS, reminderDrafts, type ReminderFacts } from "../domain/reminders";
import { districtReminders } from "../deadlines/reminders";

// Generation: read the organization's state in its tenant transaction, turn it into drafts
// (lib/domain/reminders.ts) and insert the new ones. The unique dedupeKey with ON CONFLICT DO NOTHING
// (createMany skipDuplicates) makes a second generator — the next cycle, another app instance at the
// same moment — create nothing twice.

export type ReminderOrganization = { id: string; slug: string; timeZone: string };

const NAME = { lastName: true, firstName: true, middleName: true } as const;

/** Everything the rules need, read on the caller's tenant transaction. */
export async function loadReminderFacts(tx: Tx, organization: ReminderOrganization, now: Date): Promise<ReminderFacts> {
  const organizationId = organization.id;
  const horizon = addDays(todayIn(organization.timeZone, now), DUE_SOON_DAYS + 1);
  // One query after another: a transaction is one connection.
  const memberships = await tx.membership.findMany({ where: { organizationId }, select: { userId: true, role: true } });
  const activities = await tx.roadmapActivity.findMany({
    where: { organizationId, status: { in: ["PLANNED", "IN_PROGRESS"] }, dueEnd: { not: null, lte: horizon }, program: { status: "ACTIVE" } },
    select: { id: true, title: true, stage: true, status: true, recurrence: true, dueEnd: true, responsibleUserId: true, program: { select: { curatorId: true } } },
  });
  const pairs = await tx.pair.findMany({
    where: { organizationId, status: { in: ["PROPOSED", "APPROVED", "ACTIVE"] } },
    select: {
      id: true,
      status: true,
      decidedAt: true,
      createdAt: true,
      order: { select: { date: true } },
      personalProgram: { select: { startsOn: true } },
      program: { select: { curatorId: true } },
      mentor: { select: { person: { select: { userId: true, ...NAME } } } },
      mentees: { select: { mentee: { select: { person: { select: NAME } } } } },
    },
  });
  const surveys = await tx.surveyRecipient.findMany({
    where: { organizationId, answeredAt: null, questionnaire: { status: "OPEN" }, person: { userId: { not: null }, active: true } },
    select: { id: true, answeredAt: true, person: { select: { userId: true } }, questionnaire: { select: { title: true, status: true, closesOn: true } } },
  });
  const working = pairs.filter((p) => p.status !== "PROPOSED").map((p) => p.id);
  const lastMeetings = working.length
    ? await tx.meeting.groupBy({ by: ["pairId"], where: { organizationId, pairId: { in: working } }, _max: { heldOn: true } })
    : [];
  const lastOf = new Map(lastMeetings.map((m) => [m.pairId, m._max.heldOn]));
  return {
    organization: { slug: organization.slug },
    memberIds: memberships.map((m) => m.userId),
    directorIds: memberships.filter((m) => m.role === "DIRECTOR").map((m) => m.userId),
    activities: activities.map((a) => ({
      id: a.id,
      title: a.title,
      stage: a.stage,
      status: a.status,
      recurrence: a.recurrence,
      dueEnd: a.dueEnd,
      responsibleUserId: a.responsibleUserId,
      curatorId: a.program.curatorId,
    })),
    pairs: pairs.map((p) => ({
      id: p.id,
      status: p.status,
      since: inactivitySince({ approvedOn: p.order?.date ?? p.decidedAt, createdAt: p.createdAt, programStartsOn: p.personalProgram?.startsOn ?? null }),
      lastMeetingOn: lastOf.get(p.id) ?? null,
      mentorUserId: p.mentor.person.userId,
      curatorId: p.program.curatorId,
      mentorName: fullName(p.mentor.person),
      menteeNames: p.mentees.map((m) => fullName(m.mentee.person)).sort((a, b) => a.localeCompare(b, "ru")),
    })),
    surveys: surveys.map((s) => ({
      recipientId: s.id,
      userId: s.person.userId,
      title: s.questionnaire.title,
      status: s.questionnaire.status,
      closesOn: s.questionnaire.closesOn,
      answeredAt: s.answeredAt,
    })),
  };
}

/**
 * Computes the organization's reminders at `now` and inserts those not yet there: each as an in-app
 * notification and a queued e-mail to the user's address. Returns how many were created.
 */
export async function generateReminders(tx: Tx, organization: ReminderOrganization, now: Date): Promise<number> {
  // The rules count days on the organization's calendar: a reminder is due on the school's day.
  const drafts = [
    ...reminderDrafts(await loadReminderFacts(tx, organization, now), todayIn(organization.timeZone, now)),
    // The district's deadlines and the letters its office reminded of (decision 047).
    ...(await districtReminders(tx, organization, now)),
  ];
  if (drafts.length === 0) return 0;
  // Most drafts exist already after the first cycle: skip them without touching the unique index.
  const existing = new Set(
    (await tx.reminder.findMany({ where: { organizationId: organization.id, dedupeKey: { in: drafts.map((d) => d.dedupeKey) } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey),
  );
  const fresh = drafts.filter((d) => !existing.has(d.dedupeKey));
  if (fresh.length === 0) return 0;
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(fresh.map((d) => d.userId))] } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const { count } = await tx.reminder.createMany({
    data: fresh
      .filter((d) => emailOf.has(d.userId))
      .map((d) => ({
        organizationId: organization.id,
        userId: d.userId,
        kind: d.kind,
        dedupeKey: d.dedupeKey,
        // The message's values, worded when read (lib/reminders/text.ts): no sentence is stored.
        values: d.values,
        link: d.link,
        emailTo: emailOf.get(d.userId)!,
        emailStatus: "QUEUED" as const,
        nextAttemptAt: now,
      })),
    // Another generator inserting the same key at the same moment: ON CONFLICT ("dedupeKey") DO NOTHING.
    skipDuplicates: true,
  });
  return count;
}
