import { describe, expect, it } from "vitest";
import { districtReminderDrafts, type DistrictReminderFacts } from "./district-reminders";
import { day } from "../../tests/setup/dates";
import { draftInRussian as inRussian } from "../../tests/setup/reminders";

const base: DistrictReminderFacts = { school: { id: "s1", slug: "sosh-1" }, deadlineUserIds: ["dir", "cur"], directorIds: ["dir"], deadlines: [], letters: [] };
const deadline = (timing: DistrictReminderFacts["deadlines"][number]["timing"]) => ({ deadlineId: "d1", title: "Педсовет", dueEnd: day("2026-11-20"), timing, officeName: "Отдел образования" });

describe("districtReminderDrafts", () => {
  it("reminds directors and curators of a deadline due within 7 days or overdue, not of one further off or done", () => {
    expect(districtReminderDrafts({ ...base, deadlines: [deadline({ status: "pending", daysLeft: 8 })] })).toEqual([]);
    expect(districtReminderDrafts({ ...base, deadlines: [deadline({ status: "late", doneOn: day("2026-11-23"), daysLate: 3 })] })).toEqual([]);
    const due = districtReminderDrafts({ ...base, deadlines: [deadline({ status: "pending", daysLeft: 3 })] });
    expect(due.map((d) => [d.kind, d.userId])).toEqual([["DEADLINE_DUE", "dir"], ["DEADLINE_DUE", "cur"]]);
    expect(inRussian(due[0]).body).toBe("Срок «Педсовет», установленный органом «Отдел образования», — до 20.11.2026: осталось 3 дня.");
    expect(inRussian(districtReminderDrafts({ ...base, deadlines: [deadline({ status: "pending", daysLeft: 0 })] })[0]).body).toContain("до 20.11.2026: сегодня последний день.");
    const overdue = districtReminderDrafts({ ...base, deadlines: [deadline({ status: "overdue", daysOverdue: 2 })] });
    expect(overdue[0]).toMatchObject({ kind: "DEADLINE_OVERDUE", values: { deadline: "Педсовет", office: "Отдел образования", dueOn: "2026-11-20" }, link: "/sosh-1/program/roadmap#district-deadlines" });
    expect(inRussian(overdue[0])).toEqual({
      title: "Просрочен срок округа: «Педсовет»",
      body: "Срок «Педсовет», установленный органом «Отдел образования», истёк 20.11.2026 и не выполнен.",
    });
    // A different state (due → overdue) is a new key; the same state the same key.
    expect(overdue[0]!.dedupeKey).not.toBe(due[0]!.dedupeKey);
    expect(districtReminderDrafts({ ...base, deadlines: [deadline({ status: "overdue", daysOverdue: 5 })] })[0]!.dedupeKey).toBe(overdue[0]!.dedupeKey);
  });

  it("reminds only directors of a letter, once per reminder of the office", () => {
    const letter = { letterId: "l1", subject: "О семинаре", officeName: "Отдел образования", remindedAt: new Date("2026-12-01T09:00:00Z") };
    const drafts = districtReminderDrafts({ ...base, letters: [letter] });
    expect(drafts).toEqual([expect.objectContaining({ kind: "LETTER_UNACKNOWLEDGED", userId: "dir", link: "/sosh-1/letters/l1" })]);
    expect(inRussian(drafts[0])).toEqual({
      title: "Подтвердите ознакомление с письмом «О семинаре»",
      body: "Орган «Отдел образования» напоминает: подтвердите ознакомление с информационным письмом «О семинаре».",
    });
    const again = districtReminderDrafts({ ...base, letters: [{ ...letter, remindedAt: new Date("2026-12-03T09:00:00Z") }] });
    expect(again[0]!.dedupeKey).not.toBe(drafts[0]!.dedupeKey);
  });
});
