import { describe, expect, it } from "vitest";
import { reminderEmail, reminderText } from "./text";

const stored = (kind: string, values: Record<string, unknown>) => ({ kind, values, title: null, body: null });

describe("a reminder in its reader's language", () => {
  const silentPair = stored("PAIR_NO_MEETING", { weeks: 5, lastMeetingOn: "2026-10-20", since: "2026-09-15", mentor: "Иванова Мария Петровна", mentees: ["Петров Олег Игоревич", "Орлова Анна"] });

  it("words the same stored values in Russian and in English, dates as dd.MM.yyyy, plurals by the language's rules", () => {
    expect(reminderText(silentPair, "ru")).toEqual({
      title: "Наставническая пара не встречалась 5 недель",
      body: "Последняя встреча была 20.10.2026. Пара: наставник Иванова Мария Петровна, наставляемые: Петров Олег Игоревич, Орлова Анна. Запланируйте встречу и отметьте её в приложении.",
    });
    expect(reminderText(silentPair, "en")).toEqual({
      title: "A mentoring pair has not met for 5 weeks",
      body: "The last meeting was on 20.10.2026. Pair: mentor Иванова Мария Петровна, mentees: Петров Олег Игоревич, Орлова Анна. Schedule a meeting and record it in the app.",
    });
    expect(reminderText({ ...silentPair, values: { ...silentPair.values, weeks: 1, lastMeetingOn: null, mentees: [] } }, "en")).toEqual({
      title: "A mentoring pair has not met for 1 week",
      body: "The pair has not met yet (it has been working since 15.09.2026). Pair: mentor Иванова Мария Петровна, mentee: —. Schedule a meeting and record it in the app.",
    });
    expect(reminderText({ ...silentPair, values: { ...silentPair.values, weeks: 22 } }, "ru").title).toBe("Наставническая пара не встречалась 22 недели");
  });

  it("counts the days left: today, tomorrow, then a number", () => {
    const due = (daysLeft: number) => stored("ACTIVITY_DUE", { activity: "Педсовет", stage: 2, dueOn: "2026-11-30", daysLeft });
    expect([0, 1, 2, 5, 21].map((n) => reminderText(due(n), "ru").body.split(": ")[1])).toEqual([
      "срок истекает сегодня.",
      "срок истекает завтра.",
      "осталось 2 дня.",
      "осталось 5 дней.",
      "осталось 21 день.",
    ]);
    expect([0, 1, 2].map((n) => reminderText(due(n), "en").body.split(": ")[1])).toEqual(["the deadline is today.", "the deadline is tomorrow.", "2 days left."]);
  });

  it("shows a reminder made before the messages as it was stored", () => {
    expect(reminderText({ kind: "ACTIVITY_DUE", values: {}, title: "Старый заголовок", body: "Старый текст." }, "en")).toEqual({ title: "Старый заголовок", body: "Старый текст." });
  });

  it("writes the e-mail in the given language with the link, absolute when the app's address is known", () => {
    const approval = { ...stored("PAIR_APPROVAL", { mentor: "Иванова М. П.", mentees: ["Петров О. И."] }), link: "/sosh-20/pairs#inbox" };
    const en = reminderEmail(approval, "en", "https://nastavnik.example.ru/");
    expect(en.subject).toBe("A mentoring pair awaits approval");
    expect(en.text).toBe(
      "A mentoring pair has been proposed (mentor Иванова М. П., mentee: Петров О. И.). Approve it by the order securing the pairs, or reject it.\n\n" +
        "Open in Nastavnik: https://nastavnik.example.ru/sosh-20/pairs#inbox\n\nThis letter was sent automatically; there is no need to reply.",
    );
    const ru = reminderEmail(approval, "ru", null);
    expect(ru.subject).toBe("Наставническая пара ждёт утверждения");
    expect(ru.text).toContain("Открыть в приложении «Наставник»: /sosh-20/pairs#inbox\n\nЭто письмо отправлено автоматически, отвечать на него не нужно.");
    expect(reminderEmail({ ...approval, link: null }, "ru", null).text).toBe(reminderText(approval, "ru").body);
  });
});
