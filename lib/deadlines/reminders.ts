import "server-only";
import type { Tx } from "../db";
import { academicYearOf } from "../domain/academic-year";
import { districtReminderDrafts } from "../domain/district-reminders";
import { todayIn } from "../domain/local-date";
import type { ReminderDraft } from "../domain/reminders";
import { loadDeadlineOutcomes } from "./outcomes";

/** The district's reminders for one school at `now`, read on the school's tenant transaction (RLS shows it its office's rows). */
export async function districtReminders(tx: Tx, school: { id: string; slug: string; timeZone: string }, now: Date): Promise<ReminderDraft[]> {
  const org = await tx.organization.findUnique({ where: { id: school.id }, select: { kind: true } });
  if (org?.kind !== "SCHOOL") return [];
  const today = todayIn(school.timeZone, now);
  const outcomes = (await loadDeadlineOutcomes(tx, school.id, academicYearOf(today), today)).get(school.id) ?? [];
  const letters = await tx.infoLetterRecipient.findMany({
    where: { organizationId: school.id, acknowledgedAt: null, letter: { remindedAt: { not: null } } },
    select: { letter: { select: { id: true, subject: true, remindedAt: true, organization: { select: { name: true } } } } },
  });
  if (outcomes.length === 0 && letters.length === 0) return [];
  const offices = new Map(
    (await tx.districtDeadline.findMany({ where: { id: { in: outcomes.map((o) => o.deadlineId) } }, select: { id: true, organization: { select: { name: true } } } })).map((d) => [d.id, d.organization.name]),
  );
  const members = await tx.membership.findMany({ where: { organizationId: school.id, role: { in: ["DIRECTOR", "CURATOR"] } }, select: { userId: true, role: true } });
  return districtReminderDrafts({
    school,
    deadlineUserIds: [...new Set(members.map((m) => m.userId))],
    directorIds: [...new Set(members.filter((m) => m.role === "DIRECTOR").map((m) => m.userId))],
    deadlines: outcomes.map((o) => ({ deadlineId: o.deadlineId, title: o.title, dueEnd: o.dueEnd, timing: o.timing, officeName: offices.get(o.deadlineId) ?? "" })),
    letters: letters.map((l) => ({ letterId: l.letter.id, subject: l.letter.subject, officeName: l.letter.organization.name, remindedAt: l.letter.remindedAt! })),
  });
}
