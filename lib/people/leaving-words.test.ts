import { describe, expect, it } from "vitest";
import type { Words } from "../domain/retention";
import { translator } from "../i18n/translator";
import { rewordLeavingNote } from "./leaving-words";

const english: Words = (key, values) => translator("en")(key as never, values as never);
const left = { leftOn: new Date(Date.UTC(2026, 10, 30)), leaveReason: "RELOCATION" as const, leaveNote: "в Ставрополь" };

describe("a stored leaving note in the reader's words", () => {
  it("words the note a leaving stored again in English; keeps any other note as stored", () => {
    expect(rewordLeavingNote("Выбыл(а) 30.11.2026: Переезд (в Ставрополь)", left, english)).toBe("Left on 30.11.2026: Moved away (в Ставрополь)");
    expect(rewordLeavingNote("Согласие отозвано: Заявление", left, english)).toBe("Согласие отозвано: Заявление");
    expect(rewordLeavingNote("Уволилась", { leftOn: null, leaveReason: null, leaveNote: null }, english)).toBe("Уволилась");
  });
});
