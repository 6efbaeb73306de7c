import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "../auth/roles";
import { MESSAGES } from "./config";
import { TREND_KEYS } from "../domain/monitoring-trends";
import { createTranslator } from "use-intl/core";

const MESSAGES_DIR = path.join(__dirname, "messages");

// Missing or malformed messages must fail the test, not just log.
const translator = (locale: "ru" | "en") =>
  createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => { throw error; } });

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("message files", () => {
  it("English has exactly the Russian keys", () => {
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES.ru).sort());
  });

  // The area files are merged one level deep (config.ts): a key of a shared namespace (errors) written in two files
  // silently takes the later file's text — the partners' innChecksum once replaced the profile's.
  it("no key of a namespace is written in two files", () => {
    for (const locale of ["ru", "en"] as const) {
      const files = readdirSync(MESSAGES_DIR).filter((f) => f.startsWith(`${locale}.`) && f.endsWith(".json"));
      const where = new Map<string, string>();
      const twice: string[] = [];
      for (const file of files) {
        const messages = JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), "utf8")) as Record<string, Record<string, unknown>>;
        for (const [ns, value] of Object.entries(messages))
          for (const key of Object.keys(value)) {
            const id = `${ns}.${key}`;
            if (where.has(id)) twice.push(`${id}: ${where.get(id)} and ${file}`);
            else where.set(id, file);
          }
      }
      expect(twice, locale).toEqual([]);
    }
  });

  it("no message is empty", () => {
    for (const locale of ["ru", "en"] as const) {
      const t = translator(locale);
      for (const key of keys(MESSAGES[locale])) expect(String(t.raw(key as never)).trim(), key).not.toBe("");
    }
  });

  // The dashboard's comparison with the year before names every row it computes (growthUp was missing: the table
  // showed only once the demo had a completed year, and the page logged MISSING_MESSAGE).
  it("every compared indicator of the trends table has its row name", () => {
    for (const locale of ["ru", "en"] as const) {
      const t = translator(locale);
      for (const key of TREND_KEYS) expect(t(`monitoring.district.trends.rows.${key}` as never), `${locale} ${key}`).not.toBe("");
    }
  });

  it("every role has a Russian name and duty in the documents' words", () => {
    const t = translator("ru");
    for (const role of ROLES) {
      expect(t(`roles.${role}`)).toMatch(/[А-Яа-яЁё]/);
      expect(t(`roleDuties.${role}`)).toMatch(/[А-Яа-яЁё]/);
    }
    expect(t("roles.CURATOR")).toBe("Куратор");
  });
});
