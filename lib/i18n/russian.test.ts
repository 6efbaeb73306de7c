import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import consoleTexts from "./russian/console.json";
import { RUSSIAN_TEXTS } from "./russian";

// The Russian texts that are not interface (decision 064): every file is loaded, no key is written twice, and every
// text is a well-formed ICU message with Russian in it (a document that would print a key or a stray brace fails here,
// not at a school).
const DIR = path.join(__dirname, "russian");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".json"));

function leaves(obj: object, prefix = ""): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
}

// The documents' catalog and the console's (loaded apart, lib/i18n/russian-console.ts).
const ALL = { ...RUSSIAN_TEXTS, ...(consoleTexts as Record<string, Record<string, unknown>>) };

describe("the Russian texts (lib/i18n/russian)", () => {
  it("loads every file of the directory", () => {
    const loaded = new Set(leaves(ALL).map(([key]) => key));
    for (const file of FILES) {
      const own = leaves(JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as object);
      for (const [key] of own) expect(loaded.has(key), `${file}: ${key}`).toBe(true);
    }
  });

  it("writes no key in two files", () => {
    const where = new Map<string, string>();
    const twice: string[] = [];
    for (const file of FILES) {
      for (const [key] of leaves(JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as object)) {
        if (where.has(key)) twice.push(`${key}: ${where.get(key)} and ${file}`);
        else where.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it("holds only well-formed, non-empty messages", () => {
    const bad: string[] = [];
    for (const [key, value] of leaves(ALL)) {
      if (typeof value !== "string" || !value.trim()) bad.push(`${key}: empty or not text`);
      else
        try {
          parse(value);
        } catch (error) {
          bad.push(`${key}: ${(error as Error).message}`);
        }
    }
    expect(bad).toEqual([]);
  });
});
