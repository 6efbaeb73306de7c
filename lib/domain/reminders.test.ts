import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  emailBackoffMinutes,
  MAX_EMAIL_ATTEMPTS,
  reminderDrafts,
  silenceWindow,
  type ActivityFact,
  type PairFact,
  type ReminderFacts,
  type SurveyFact,
} from "./reminders";
import { day } from "../../tests/setup/dates";
import { draftInRussian as inRussian } from "../../tests/setup/reminders";

const bodyOf = (d: Parameters<typeof inRussian>[0]) => inRussian(d).body;

const NOW = new Date("2026-11-25T09:00:00Z");

const RESPONSIBLE = "u-responsible";
const CURATOR = "u-curator";
const MENTOR = "u-mentor";
const MENTEE = "u-mentee";
const DIRECTOR_A = "u-director-a";
const DIRECTOR_B = "u-director-b";
const STRANGER = "u-stranger";

const activity = (extra: Partial<ActivityFact> = {}): ActivityFact => ({
  id: "a1",
  title: "Анкетирование педагогов",
  stage: 2,
  status: "PLANNED",
  recurrence: "ONCE",
  dueEnd: day("2026-11-30"),
  responsibleUserId: RESPONSIBLE,
  curatorId: CURATOR,
  ...extra,
});

const pair = (extra: Partial<PairFact> = {}): PairFact => ({
  id: "p1",
  status: "ACTIVE",
  since: day("2026-09-15"),
  lastMeetingOn: day("2026-11-20"),
  mentorUserId: MENTOR,
  curatorId: CURATOR,
  mentorName: "Иванова Мария Петровна",
  menteeNames: ["Петров Олег Игоревич"],
  ...extra,
});

const survey = (extra: Partial<SurveyFact> = {}): SurveyFact => ({
  recipientId: "r1",
  userId: MENTEE,
  title: "Анкета удовлетворённости наставляемого",
  status: "OPEN",
  closesOn: day("2026-12-10"),
  answeredAt: null,
  ...extra,
});

const facts = (extra: Partial<ReminderFacts> = {}): ReminderFacts => ({
  organization: { slug: "sosh-20" },
  memberIds: [RESPONSIBLE, CURATOR, MENTOR, MENTEE, DIRECTOR_A, DIRECTOR_B],
  directorIds: [DIRECTOR_A, DIRECTOR_B],
  activities: [],
  pairs: [],
  surveys: [],
  ...extra,
});

describe("roadmap activities", () => {
  it("reminds the responsible user of an activity due within 7 days, once per due date", () => {
    const [d, ...rest] = reminderDrafts(facts({ activities: [activity()] }), NOW);
    expect(rest).toEqual([]);
    expect(d).toEqual({
      kind: "ACTIVITY_DUE",
      dedupeKey: "activity-due:a1:2026-11-30",
      userId: RESPONSIBLE,
      values: { activity: "Анкетирование педагогов", stage: 2, dueOn: "2026-11-30", daysLeft: 5 },
      link: "/sosh-20/program/roadmap#activities",
    });
    expect(inRussian(d)).toEqual({
      title: "Приближается срок мероприятия: «Анкетирование педагогов»",
      body: "Мероприятие «Анкетирование педагогов» (этап 2) нужно выполнить до 30.11.2026: осталось 5 дней.",
    });
    // The same state a day later: the same key, so the database keeps one reminder.
    expect(reminderDrafts(facts({ activities: [activity()] }), new Date("2026-11-26T09:00:00Z"))[0]!.dedupeKey).toBe(d!.dedupeKey);
    // A moved due date is a new state.
    expect(reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-12-01") })] }), NOW)[0]!.dedupeKey).toBe("activity-due:a1:2026-12-01");
  });

  it("counts the days left in words, up to the due day itself", () => {
    expect(bodyOf(reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-11-25") })] }), NOW)[0])).toContain("срок истекает сегодня");
    expect(bodyOf(reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-11-26") })] }), NOW)[0])).toContain("срок истекает завтра");
    expect(bodyOf(reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-11-27") })] }), NOW)[0])).toContain("осталось 2 дня");
    expect(bodyOf(reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-12-02") })] }), NOW)[0])).toContain("осталось 7 дней");
  });

  it("says nothing of activities further than 7 days, done, cancelled, continuous or undated", () => {
    for (const a of [
      activity({ dueEnd: day("2026-12-03") }),
      activity({ status: "DONE" }),
      activity({ status: "CANCELLED", dueEnd: day("2026-11-01") }),
      activity({ recurrence: "CONSTANTLY" }),
      activity({ recurrence: "AS_NEEDED", dueEnd: day("2026-11-01") }),
      activity({ dueEnd: null }),
    ])
      expect(reminderDrafts(facts({ activities: [a] }), NOW)).toEqual([]);
  });

  it("reminds of an overdue activity once per overdue state, in place of the due-soon reminder", () => {
    const drafts = reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-11-20"), status: "IN_PROGRESS" })] }), NOW);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ kind: "ACTIVITY_OVERDUE", dedupeKey: "activity-overdue:a1:2026-11-20", userId: RESPONSIBLE });
    expect(bodyOf(drafts[0])).toBe("Срок мероприятия «Анкетирование педагогов» (этап 2) истёк 20.11.2026. Отметьте его выполнение или перенесите срок в дорожной карте.");
    // Overdue from the day after the due day (lib/domain/due-period.ts isOverdue).
    expect(reminderDrafts(facts({ activities: [activity({ dueEnd: day("2026-11-24") })] }), NOW)[0]!.kind).toBe("ACTIVITY_OVERDUE");
  });

  it("falls back to the program's curator, and skips people who are not members", () => {
    expect(reminderDrafts(facts({ activities: [activity({ responsibleUserId: null })] }), NOW)[0]!.userId).toBe(CURATOR);
    expect(reminderDrafts(facts({ activities: [activity({ responsibleUserId: STRANGER })] }), NOW)[0]!.userId).toBe(CURATOR);
    expect(reminderDrafts(facts({ activities: [activity({ responsibleUserId: null, curatorId: STRANGER })] }), NOW)).toEqual([]);
  });
});

describe("meetings of working pairs", () => {
  it("reminds the mentor after four weeks without a meeting, once per 4-week window", () => {
    const silent = pair({ lastMeetingOn: day("2026-10-20") }); // 36 days
    const [d] = reminderDrafts(facts({ pairs: [silent] }), NOW);
    expect(d).toMatchObject({
      kind: "PAIR_NO_MEETING",
      dedupeKey: "pair-no-meeting:p1:2026-10-20:1",
      userId: MENTOR,
      link: "/sosh-20/pairs/p1/meetings",
    });
    expect(inRussian(d).title).toBe("Наставническая пара не встречалась 5 недель");
    expect(bodyOf(d)).toContain("Последняя встреча была 20.10.2026.");
    expect(bodyOf(d)).toContain("наставник Иванова Мария Петровна, наставляемый: Петров Олег Игоревич");
    // Still the first window a week later; the second window after eight weeks is a new reminder.
    expect(reminderDrafts(facts({ pairs: [silent] }), new Date("2026-12-02T09:00:00Z"))[0]!.dedupeKey).toBe(d!.dedupeKey);
    expect(reminderDrafts(facts({ pairs: [silent] }), new Date("2026-12-16T09:00:00Z"))[0]!.dedupeKey).toBe("pair-no-meeting:p1:2026-10-20:2");
    // A meeting logged since: a new silence counts from it.
    expect(reminderDrafts(facts({ pairs: [pair()] }), NOW)).toEqual([]);
  });

  it("counts from the pair's start when it never met, and goes to the curator when the mentor has no account", () => {
    const never = pair({ lastMeetingOn: null, since: day("2026-10-01"), mentorUserId: null, menteeNames: ["А", "Б"] });
    const [d] = reminderDrafts(facts({ pairs: [never] }), NOW);
    expect(d).toMatchObject({ dedupeKey: "pair-no-meeting:p1:2026-10-01:1", userId: CURATOR });
    expect(bodyOf(d)).toContain("Встреч ещё не было (пара работает с 01.10.2026).");
    expect(bodyOf(d)).toContain("наставляемые: А, Б");
  });

  it("leaves alone pairs that are not working: completed, dissolved, rejected", () => {
    for (const status of ["COMPLETED", "DISSOLVED", "REJECTED"] as const)
      expect(reminderDrafts(facts({ pairs: [pair({ status, lastMeetingOn: day("2026-01-01") })] }), NOW)).toEqual([]);
  });

  it("numbers the 4-week windows", () => {
    expect(silenceWindow({ since: day("2026-10-29"), lastMeetingOn: null }, NOW)).toBe(0);
    expect(silenceWindow({ since: day("2026-10-28"), lastMeetingOn: null }, NOW)).toBe(1);
    expect(silenceWindow({ since: day("2026-01-01"), lastMeetingOn: day("2026-09-30") }, NOW)).toBe(2);
  });
});

describe("pairs waiting for approval", () => {
  it("reminds every director of the school once per pair", () => {
    const drafts = reminderDrafts(facts({ pairs: [pair({ status: "PROPOSED", lastMeetingOn: null })] }), NOW);
    expect(drafts.map((d) => [d.kind, d.dedupeKey, d.userId])).toEqual([
      ["PAIR_APPROVAL", `pair-approval:p1:${DIRECTOR_A}`, DIRECTOR_A],
      ["PAIR_APPROVAL", `pair-approval:p1:${DIRECTOR_B}`, DIRECTOR_B],
    ]);
    expect(drafts[0]!.link).toBe("/sosh-20/pairs#inbox");
    expect(inRussian(drafts[0])).toEqual({
      title: "Наставническая пара ждёт утверждения",
      body: "Предложена наставническая пара (наставник Иванова Мария Петровна, наставляемый: Петров Олег Игоревич). Утвердите её приказом о закреплении пар или отклоните.",
    });
  });

  it("skips directors who left", () => {
    expect(reminderDrafts(facts({ memberIds: [DIRECTOR_A], pairs: [pair({ status: "PROPOSED" })] }), NOW).map((d) => d.userId)).toEqual([DIRECTOR_A]);
  });
});

describe("pending questionnaires", () => {
  it("reminds the person's account once per recipient", () => {
    const [d, ...rest] = reminderDrafts(facts({ surveys: [survey()] }), NOW);
    expect(rest).toEqual([]);
    expect(d).toEqual({
      kind: "SURVEY_PENDING",
      dedupeKey: "survey-pending:r1",
      userId: MENTEE,
      values: { survey: "Анкета удовлетворённости наставляемого", closesOn: "2026-12-10" },
      link: "/sosh-20/my-surveys/r1",
    });
    expect(inRussian(d)).toEqual({
      title: "Анкета ждёт вашего ответа: «Анкета удовлетворённости наставляемого»",
      body: "Вас просят ответить на анкету «Анкета удовлетворённости наставляемого» до 10.12.2026. Ответ займёт несколько минут.",
    });
    // No closing day: no «до …».
    expect(bodyOf(reminderDrafts(facts({ surveys: [survey({ closesOn: null })] }), NOW)[0])).toBe(
      "Вас просят ответить на анкету «Анкета удовлетворённости наставляемого». Ответ займёт несколько минут.",
    );
  });

  it("says nothing when answered, closed, past its closing day, a draft, or the person has no account", () => {
    for (const s of [
      survey({ answeredAt: NOW }),
      survey({ status: "CLOSED" }),
      survey({ status: "DRAFT" }),
      survey({ closesOn: day("2026-11-24") }),
      survey({ userId: null }),
      survey({ userId: STRANGER }),
    ])
      expect(reminderDrafts(facts({ surveys: [s] }), NOW)).toEqual([]);
  });
});

describe("all together", () => {
  it("gives each key once, ordered by key, and the same drafts for the same state", () => {
    const state = facts({
      activities: [activity(), activity({ id: "a2", dueEnd: day("2026-11-01") })],
      pairs: [pair({ lastMeetingOn: null, since: day("2026-09-01") }), pair({ id: "p2", status: "PROPOSED" }), pair({ lastMeetingOn: null, since: day("2026-09-01") })],
      surveys: [survey(), survey()],
    });
    const drafts = reminderDrafts(state, NOW);
    const keys = drafts.map((d) => d.dedupeKey);
    expect(keys).toEqual([...new Set(keys)].sort());
    expect(keys).toEqual([
      "activity-due:a1:2026-11-30",
      "activity-overdue:a2:2026-11-01",
      `pair-approval:p2:${DIRECTOR_A}`,
      `pair-approval:p2:${DIRECTOR_B}`,
      "pair-no-meeting:p1:2026-09-01:3",
      "survey-pending:r1",
    ]);
    expect(reminderDrafts(state, NOW)).toEqual(drafts);
  });
});

describe("e-mail retries", () => {
  it("waits 1, 5, 15, 60 minutes… between attempts and gives up after the last", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(emailBackoffMinutes)).toEqual([1, 5, 15, 60, 180, 360, 720, 720, 720]);
    expect(afterFailedAttempt(1, NOW)).toEqual({ emailStatus: "QUEUED", nextAttemptAt: new Date("2026-11-25T09:01:00Z") });
    expect(afterFailedAttempt(4, NOW)).toEqual({ emailStatus: "QUEUED", nextAttemptAt: new Date("2026-11-25T10:00:00Z") });
    expect(afterFailedAttempt(MAX_EMAIL_ATTEMPTS, NOW)).toEqual({ emailStatus: "FAILED", nextAttemptAt: null });
  });
});
