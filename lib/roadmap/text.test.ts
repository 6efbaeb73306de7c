import { describe, expect, it } from "vitest";
import { parseRoadmapText } from "./text";

describe("section headings that lost their tabs", () => {
  it("a short line between rows of the same width is a section; a signature line is not", () => {
    const r = parseRoadmapText(
      [
        "№ п/п\tНаименование мероприятия\tСроки исполнения\tОтветственный исполнитель\tРезультат",
        "Организационные мероприятия",
        "1.\tФормирование базы наставников округа\tмай\tИМЦ\tбаза",
        "",
        "Мониторинг и оценка результатов",
        "2.\tМониторинг программ\tиюль-август, ежегодно\tИМЦ\tсправка",
        "",
        "Начальник отдела ____________ И.И. Иванов",
        "3.\tНе читать\tмай\tкто-то\tничего",
      ].join("\n"),
    );
    expect(r.stages.map((s) => [s.number, s.title, s.stage, s.activities.map((a) => a.title)])).toEqual([
      [1, "Организационные мероприятия", null, ["Формирование базы наставников округа"]],
      [2, "Мониторинг и оценка результатов", null, ["Мониторинг программ"]],
    ]);
  });
});
