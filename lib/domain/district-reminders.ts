import { DUE_SOON_DAYS, type ReminderDraft } from "./reminders";
import type { DeadlineTiming } from "./deadline-timing";

// Reminders of the district at work (issue #16, decision 047), as pure rules beside lib/domain/reminders.ts:
// a district deadline coming up (within DUE_SOON_DAYS) or overdue and not done — to the school's directors
// and curators; a letter the office reminded of and the school has not acknowledged — to its directors.
// Each key names the state (the deadline's day, the reminder's instant) and the user: nothing twice.
// Like those rules, a draft carries its message's values, not sentences (lib/reminders/text.ts words them).

export type DeadlineReminderFact = { deadlineId: string; title: string; dueEnd: Date; timing: DeadlineTiming; officeName: string };
export type LetterReminderFact = { letterId: string; subject: string; officeName: string; remindedAt: Date };

export type DistrictReminderFacts = {
  school: { id: string; slug: string };
  /** Directors and curators: who answers for the district's deadlines. */
  deadlineUserIds: string[];
  /** Directors: the school's head acknowledges letters. */
  directorIds: string[];
  deadlines: DeadlineReminderFact[];
  letters: LetterReminderFact[];
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export function districtReminderDrafts(facts: DistrictReminderFacts): ReminderDraft[] {
  const out: ReminderDraft[] = [];
  const { school } = facts;
  for (const d of facts.deadlines) {
    const { timing } = d;
    const soon = timing.status === "pending" && timing.daysLeft <= DUE_SOON_DAYS;
    if (!soon && timing.status !== "overdue") continue;
    for (const userId of facts.deadlineUserIds) {
      out.push(
        timing.status === "overdue"
          ? {
              kind: "DEADLINE_OVERDUE",
              dedupeKey: `deadline-overdue:${d.deadlineId}:${school.id}:${day(d.dueEnd)}:${userId}`,
              userId,
              values: { deadline: d.title, office: d.officeName, dueOn: day(d.dueEnd) },
              link: `/${school.slug}/program/roadmap#district-deadlines`,
            }
          : {
              kind: "DEADLINE_DUE",
              dedupeKey: `deadline-due:${d.deadlineId}:${school.id}:${day(d.dueEnd)}:${userId}`,
              userId,
              values: { deadline: d.title, office: d.officeName, dueOn: day(d.dueEnd), daysLeft: timing.status === "pending" ? timing.daysLeft : 0 },
              link: `/${school.slug}/program/roadmap#district-deadlines`,
            },
      );
    }
  }
  for (const l of facts.letters) {
    for (const userId of facts.directorIds) {
      out.push({
        kind: "LETTER_UNACKNOWLEDGED",
        dedupeKey: `letter-remind:${l.letterId}:${school.id}:${l.remindedAt.toISOString()}:${userId}`,
        userId,
        values: { subject: l.subject, office: l.officeName },
        link: `/${school.slug}/letters/${l.letterId}`,
      });
    }
  }
  return out;
}
