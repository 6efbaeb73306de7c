import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, isoToday } from "../../lib/domain/local-date";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ACTION_REGISTRY, runAction, type AnyActionDef } from "../../lib/actions/action";
import type { ActionResult } from "../../lib/actions/result";
// Every actions module of lib/ (the permissions suite checks that none is missing from this glob).
import.meta.glob(["../../lib/**/*actions.ts", "!../../lib/auth/actions.ts"], { eager: true });
import { TEST_PASSWORD } from "../factories";
import { fingerprint, fingerprintDiff } from "../security/fingerprint";
import { buildWorld, idsOf, tablesForKey, type World } from "../security/fixture";
import { containsString, hostilePayloads, type HostilePayload } from "../security/hostile";
import { openOwner, type Owner } from "../security/owner";
import { installSeededUuids } from "../security/seeded-uuids";
import { getAt, idSlots, idVariants, isIdKey } from "../security/payloads";
import { installWriteLog, takeWrites, type LoggedWrite } from "../security/write-log";
import { setupTestDatabase } from "../setup/database";
import { call } from "../setup/call";
import { attachPracticeFile } from "../../lib/practices/actions";
import { rejectPair } from "../../lib/pairs/actions";
import { createPerson } from "../../lib/people/actions";

/**
 * Hostile input (issue #7, part 5): every registered action gets RUNS generated payloads — mutations
 * of a plausible payload built from its schema with school A's real ids — sent by a member holding
 * every role of school A, so that validation and the body are what is exercised. For each: runAction
 * never throws and never returns INTERNAL; a refusal writes nothing (not even an audit record: a row
 * trigger logs every committed write); an accepted payload stores an injected string verbatim. Fixed
 * seeds: a failure names its seed and payload and reproduces.
 */
const RUNS = 200;
const db = setupTestDatabase();
let world: World;
let owner: Owner;
let restoreUuids: (() => void) | undefined;
let poolA: Map<string, string[]>;
let foreignIds: string[];
const today = isoToday(DEFAULT_TIME_ZONE, now());
const stats = new Map<string, { accepted: number; refused: number; verbatim: number; codes: Record<string, number> }>();

const actions = [...ACTION_REGISTRY.values()];

beforeAll(async () => {
  // The same ids every run: "first, middle, last row" and fast-check's picks name the same objects.
  restoreUuids = installSeededUuids(0x5eed);
  owner = await openOwner(db());
  world = await buildWorld(db().prisma);
  // The acting member's own memberships are no target: removing them would end the run's permissions.
  poolA = await idsOf(owner, world.a.id, [world.allRoles.a]);
  foreignIds = [...(await idsOf(owner, world.b.id)).values()].flat();
  await installWriteLog(owner);
}, 120_000);

afterAll(async () => {
  const rows = [...stats].map(([action, s]) => ({ action, accepted: s.accepted, refused: s.refused, verbatim: s.verbatim, codes: Object.entries(s.codes).map(([c, n]) => `${c}:${n}`).join(" ") }));
  if (rows.length) {
    console.info(`[hostile-input] ${rows.length} actions × ${RUNS} payloads on ${db().kind}`);
    console.table(rows);
    const total = rows.reduce((t, r) => ({ accepted: t.accepted + r.accepted, refused: t.refused + r.refused, verbatim: t.verbatim + r.verbatim }), { accepted: 0, refused: 0, verbatim: 0 });
    console.info(`[hostile-input] total accepted ${total.accepted}, refused ${total.refused}; injected strings found stored verbatim: ${total.verbatim}`);
  }
  restoreUuids?.();
  await owner?.close();
});

function seedOf(name: string): number {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

const hint = (key: string) =>
  key === "expectedStage" ? world.programStage
  : key === "version" ? 1
  : key === "currentPassword" ? TEST_PASSWORD
  : key === "token" ? world.surveyTokens[0]
  : key === "timeZone" ? "Europe/Moscow"
  : undefined;

const userFor = (def: AnyActionDef) => (def.scope === "public" ? null : def.scope === "operator" ? world.operator : world.allRoles.a);
const SECRET = /password|token/i;

/** The plain object runAction makes of a FormData (repeated keys become lists). */
function plain(payload: unknown): unknown {
  if (!(payload instanceof FormData)) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of payload.entries()) {
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** Letters and digits only: what an altered copy of a text would still share with it. */
const coreOf = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "");
function containsCore(value: unknown, core: string): boolean {
  if (typeof value === "string") return coreOf(value) === core;
  if (Array.isArray(value)) return value.some((v) => containsCore(v, core));
  if (value && typeof value === "object") return Object.values(value).some((v) => containsCore(v, core));
  return false;
}

/**
 * An accepted payload: every string it injected (that the schema kept) is stored verbatim, or — a field
 * the action does not keep in this case — not at all; never an altered copy (same letters, other bytes).
 */
function expectStoredVerbatim(def: AnyActionDef, h: HostilePayload, writes: LoggedWrite[], base: unknown, s: { verbatim: number }) {
  if (writes.length === 0) return; // a preview or a no-op: nothing stored, nothing to compare
  const parsed = (def.input as z.ZodType).safeParse(plain(h.payload));
  if (!parsed.success) throw new Error(`accepted although its own schema refuses it: ${h.label}`);
  for (const { path } of h.injected) {
    const key = String(path[path.length - 1] ?? "");
    if (key === "org" || isIdKey(key) || SECRET.test(key)) continue;
    const value = getAt(parsed.data, path);
    if (JSON.stringify(value) === JSON.stringify(getAt(base, path))) continue; // the mutation changed nothing
    const strings = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    for (const text of strings) {
      if (!text) continue;
      if (writes.some((w) => containsString(w.row, text))) {
        s.verbatim += 1;
        continue;
      }
      const core = coreOf(text);
      if (core.length < 3) continue;
      expect(
        writes.some((w) => containsCore(w.row, core)),
        `${def.name}: accepted ${path.join(".")} = ${JSON.stringify(text.slice(0, 80))} is stored altered (${h.label}); written: ${JSON.stringify(writes.map((w) => w.tbl))}`,
      ).toBe(false);
    }
  }
}

/**
 * The sign-in limiter's bookkeeping: a refused password check (a wrong current password) and a password
 * reset request are recorded on purpose, outside the action's transaction, so that refusals are counted
 * (decision 012). Every other table must stay untouched by a refusal.
 */
const LIMITER_TABLES = new Set(["LoginAttempt", "PasswordResetRequest"]);

describe.each(actions.map((d) => [d.name, d] as const))("%s", (name, def) => {
  it(`${RUNS} hostile payloads: no throw, no INTERNAL, a refusal writes nothing, accepted text is stored verbatim`, async () => {
    // The base payload: the first id variant the action accepts from A's own member (it then runs once
    // for real), so that mutations of its text fields reach the body's write and can be compared.
    const variants = idVariants(def.input, { org: world.a.slug, pool: poolA, tablesForKey, hint, today, max: 12 });
    let base = variants[0]!.payload;
    for (const v of variants) {
      if ((await runAction(def, userFor(def), v.payload)).ok) {
        base = v.payload;
        break;
      }
    }
    const baseParsed = (def.input as z.ZodType).safeParse(base);
    const baseData = baseParsed.success ? baseParsed.data : base;
    const idPaths = idSlots(def.input).map((s) => s.path);
    const before = await fingerprint(owner);
    await takeWrites(owner);
    const s = { accepted: 0, refused: 0, verbatim: 0, codes: {} as Record<string, number> };
    stats.set(name, s);
    const writtenTables = new Set<string>();

    await fc.assert(
      fc.asyncProperty(hostilePayloads(base, { foreignIds, idPaths }), async (h) => {
        let res: ActionResult<unknown>;
        try {
          res = await runAction(def, userFor(def), h.payload);
        } catch (error) {
          throw new Error(`${name} threw on ${h.label}: ${String(error)}`);
        }
        const writes = (await takeWrites(owner)).filter((w) => !LIMITER_TABLES.has(w.tbl));
        expect(({} as Record<string, unknown>).polluted, `prototype polluted by ${h.label}`).toBeUndefined();
        const code = res.ok ? "ok" : res.error.code;
        s.codes[code] = (s.codes[code] ?? 0) + 1;
        if (!res.ok) {
          s.refused += 1;
          expect(res.error.code, `${name}: ${h.label} → ${res.error.message}`).not.toBe("INTERNAL");
          expect(res.error.message, "a Russian message").toMatch(/[А-Яа-яЁё]/);
          expect(writes.map((w) => `${w.op} ${w.tbl}`), `${name}: refused (${res.error.code}) but wrote: ${h.label}`).toEqual([]);
          return;
        }
        s.accepted += 1;
        for (const w of writes) writtenTables.add(w.tbl);
        expectStoredVerbatim(def, h, writes, baseData, s);
      }),
      { numRuns: RUNS, seed: seedOf(name), endOnFailure: true },
    );

    expect(s.accepted + s.refused).toBeGreaterThanOrEqual(RUNS);
    // The write log misses nothing: tables changed over the batch are tables an accepted payload wrote.
    const changed = fingerprintDiff(before, await fingerprint(owner)).map((line) => line.split(":")[0]!);
    expect(changed.filter((t) => !writtenTables.has(t) && !LIMITER_TABLES.has(t))).toEqual([]);
  }, 120_000);
});

// The refusals the generated runs found missing, pinned as plain examples.
describe("found by this suite", () => {
  it("a NUL byte or a lone surrogate in any text is refused as invalid input naming the field (it used to fail in PostgreSQL or be stored altered)", async () => {
    await takeWrites(owner);
    for (const [field, value] of [["lastName", "Иванов\u0000"], ["position", "учитель\uD800"], ["middleName", "\uDC00"]] as const) {
      const res = await call(createPerson, world.allRoles.a, { org: world.a.slug, kind: "TEACHER", lastName: "Иванов", firstName: "Пётр", [field]: value });
      expect(res).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", fieldErrors: { [field]: ["Текст содержит недопустимые символы (нулевой байт или повреждённые символы Юникода)."] } },
      });
    }
    // The name of an uploaded file counts as text too.
    const scan = await call(attachPracticeFile, world.allRoles.a, {
      org: world.a.slug,
      practiceId: poolA.get("BestPractice")![0]!,
      file: new File([new TextEncoder().encode("%PDF-1.4")], "скан\u0000.pdf", { type: "application/pdf" }),
    });
    expect(scan).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { file: [expect.stringContaining("недопустимые символы")] } } });
    expect(await takeWrites(owner)).toEqual([]);
  });

  it("a pair version beyond the Int column is a validation error, not a database failure", async () => {
    const res = await call(rejectPair, world.allRoles.a, {
      org: world.a.slug,
      pairId: poolA.get("Pair")![0]!,
      // A date where a number goes: outside the input type on purpose.
      version: new Date("2100-01-01") as never,
      comment: "Не подходит по направлению",
    });
    expect(res).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

describe("the suite itself", () => {
  it("reached the bodies: some payloads of most actions were accepted, and injected text was found stored verbatim", () => {
    const all = [...stats.values()];
    expect(all).toHaveLength(actions.length);
    expect(all.reduce((t, s) => t + s.verbatim, 0)).toBeGreaterThan(100);
    // Outcomes of the body (accepted, NOT_FOUND, CONFLICT) and not only of the schema, for nearly every
    // action: the payloads are plausible. (A body may refuse as VALIDATION too, e.g. a wrong current password.)
    const reachedBody = all.filter((s) => (s.codes.NOT_FOUND ?? 0) + (s.codes.CONFLICT ?? 0) + (s.codes.ok ?? 0) > 0).length;
    expect(reachedBody).toBeGreaterThanOrEqual(Math.floor(actions.length * 0.95));
  });
});
