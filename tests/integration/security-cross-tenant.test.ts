import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, isoToday } from "../../lib/domain/local-date";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ACTION_REGISTRY, runAction, type AnyActionDef } from "../../lib/actions/action";
import type { ActionResult } from "../../lib/actions/result";
import { PERMISSIONS } from "../../lib/auth/permissions";
import { SCHOOL_ROLES, type AppRole } from "../../lib/auth/roles";
// Every actions module of lib/ (the permissions suite checks that none is missing from this glob).
import.meta.glob(["../../lib/**/*actions.ts", "!../../lib/auth/actions.ts"], { eager: true });
import { fingerprint, fingerprintDiff, type Fingerprint, type FingerprintOptions } from "../security/fingerprint";
import { buildWorld, idsOf, tablesForKey, type World } from "../security/fixture";
import { openOwner, type Owner } from "../security/owner";
import { installSeededUuids } from "../security/seeded-uuids";
import { idSlots, idVariants } from "../security/payloads";
import { setupTestDatabase } from "../setup/database";

/**
 * Cross-tenant suite generated from the action registry (issue #7, part 3): no per-action list. For
 * every registered tenant action, payloads are built from its zod schema with every id-like field
 * holding real ids of school A's objects, and sent by members of other tenants. Each must be refused
 * — never INTERNAL — and the whole database (fingerprint as the owner, outside RLS) stays the same.
 */

const db = setupTestDatabase();
let world: World;
let owner: Owner;
let restoreUuids: (() => void) | undefined;
let poolA: Map<string, string[]>;
const today = isoToday(DEFAULT_TIME_ZONE, now());

const tenantActions = [...ACTION_REGISTRY.values()].filter((d): d is Extract<AnyActionDef, { scope: "tenant" }> => d.scope === "tenant");
const userActions = [...ACTION_REGISTRY.values()].filter((d) => d.scope === "user");
const allPublicActions = [...ACTION_REGISTRY.values()].filter((d) => d.scope === "public");
// Public actions reach data through a token in the payload (an invitation, a survey link, a reset link);
// the few without one (asking for a password reset by e-mail) reach no organization's data at all.
const publicActions = allPublicActions.filter((d) => idSlots(d.input).some((s) => !s.list && s.path.length === 1));
const tokenlessPublicActions = allPublicActions.filter((d) => !publicActions.includes(d));

beforeAll(async () => {
  // The same ids every run: "first, middle, last row" and fast-check's picks name the same objects.
  restoreUuids = installSeededUuids(0x5eed);
  owner = await openOwner(db());
  world = await buildWorld(db().prisma);
  // The control sends these payloads as A's member holding every role: its own memberships are no target.
  poolA = await idsOf(owner, world.a.id, [world.allRoles.a]);
}, 120_000);
afterAll(async () => {
  restoreUuids?.();
  await owner?.close();
});

/** A's real ids in every id-like field; other fields plausible, so that the body is reached. */
function attackPayloads(def: AnyActionDef, org: string) {
  // A valid ИНН (10 digits, its control digit right: decision 061), or the partners' actions stop at the checksum.
  const hint = (key: string) => (key === "expectedStage" ? world.programStage : key === "version" ? 1 : key === "inn" ? "7707083893" : undefined);
  return idVariants(def.input, { org, pool: poolA, tablesForKey, hint, today });
}

type Outcome = { payload: unknown; ids: Record<string, string>; res: ActionResult<unknown> };

async function attack(def: AnyActionDef, userId: string | null, payloads: { payload: Record<string, unknown>; ids: Record<string, string> }[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const { payload, ids } of payloads) out.push({ payload, ids, res: await runAction(def, userId, payload) });
  return out;
}

const describeOutcome = (o: Outcome) => `${JSON.stringify(o.ids)} → ${o.res.ok ? "ok " + JSON.stringify(o.res.data)?.slice(0, 200) : `${o.res.error.code}: ${o.res.error.message}`}`;

/** Runs the attacks between two fingerprints; on a difference, names the payloads that wrote (re-run one by one). */
async function expectNothingChanged(label: string, before: Fingerprint, options: FingerprintOptions = {}) {
  const after = await fingerprint(owner, options);
  expect(fingerprintDiff(before, after), label).toEqual([]);
}

const isRefusal = (res: ActionResult<unknown>) => !res.ok && res.error.code !== "INTERNAL";
/**
 * Office actions whose id fields name the office's own schools (decision 047): sent by the office with A's
 * id they are legitimate, not an attack — they may write only these tables (and the audit log).
 */
const OFFICE_TO_SCHOOLS: Record<string, string[]> = {
  "letters.send": ["InfoLetter", "InfoLetterFile", "InfoLetterRecipient"],
  // Decision 061: the methodist answers and closes the consultations A addressed to the office.
  "consultations.reply": ["ConsultationMessage"],
  "consultations.close": ["Consultation"],
  // Decision 059: the office adds its schools' people to its communities and records their attendance.
  "communities.addMember": ["CommunityMember"],
  "communities.holdMeeting": ["CommunityMeeting", "CommunityAttendance"],
  "communities.removeMember": ["CommunityMember"],
  // The office awards a mentor of A from the district bank, and deletes its own award to A (decision 060).
  "districtAwards.give": ["DistrictAward"],
  "districtAwards.delete": ["DistrictAward"],
};
const bAudit = () => ({ exclude: { AuditEvent: `t."organizationId" = '${world.b.id}'` } });

describe("the generated payloads", () => {
  it("name real objects of school A for most id-like fields, and mostly pass the action's own schema", () => {
    let parsed = 0;
    let total = 0;
    for (const def of tenantActions) {
      for (const { payload } of attackPayloads(def, world.a.slug)) {
        total += 1;
        if ((def.input as z.ZodType).safeParse(payload).success) parsed += 1;
      }
    }
    console.info(`[cross-tenant] ${tenantActions.length} tenant actions, ${total} payloads, ${parsed} pass the schema`);
    // The attack is meaningful only when the payloads reach the bodies.
    expect(parsed / total).toBeGreaterThan(0.8);
  });
});

describe.each(tenantActions.map((d) => [d.name, d] as const))("%s", (_name, def) => {
  const hasIds = () => idSlots(def.input).length > 0;

  it("a member holding every role of school B (same municipality) is refused: aimed at A, or with A's ids under B", async () => {
    const before = await fingerprint(owner);
    const atA = await attack(def, world.allRoles.b, attackPayloads(def, world.a.slug));
    for (const o of atA) expect(["FORBIDDEN", "NOT_FOUND"], describeOutcome(o)).toContain(o.res.ok ? "ok" : o.res.error.code);
    await expectNothingChanged("aimed at school A", before);
    if (!hasIds()) return;
    // B's own audit rows are left out on both sides (a refusal under B may be logged in B); B has some from the world.
    const beforeB = await fingerprint(owner, bAudit());
    const underB = await attack(def, world.allRoles.b, attackPayloads(def, world.b.slug));
    for (const o of underB) expect(isRefusal(o.res), describeOutcome(o)).toBe(true);
    await expectNothingChanged("A's ids under school B", beforeB, bAudit());
  });

  it("a member holding every role of school C (another municipality) is refused likewise", async () => {
    const before = await fingerprint(owner);
    const atA = await attack(def, world.allRoles.c, attackPayloads(def, world.a.slug));
    for (const o of atA) expect(["FORBIDDEN", "NOT_FOUND"], describeOutcome(o)).toContain(o.res.ok ? "ok" : o.res.error.code);
    if (hasIds()) {
      const underC = await attack(def, world.allRoles.c, attackPayloads(def, world.c.slug));
      for (const o of underC) expect(isRefusal(o.res), describeOutcome(o)).toBe(true);
    }
    await expectNothingChanged("school C", before);
  });

  it("the platform operator is refused with school A's slug, its municipal office's, and A's ids: no membership anywhere", async () => {
    const before = await fingerprint(owner);
    for (const slug of [world.a.slug, world.district.slug]) {
      const outcomes = await attack(def, world.operator, attackPayloads(def, slug));
      for (const o of outcomes) expect(o.res.ok ? "ok" : o.res.error.code, `operator ${describeOutcome(o)}`).toBe("FORBIDDEN");
    }
    await expectNothingChanged("platform operator", before);
  });

  it("the methodist and the head of A's municipal office are refused: no school role in A, and A's ids under the office", async () => {
    const before = await fingerprint(owner);
    let wrote = false;
    for (const [role, userId] of [["METHODIST", world.methodist], ["MUNICIPAL_HEAD", world.head]] as const) {
      const atA = await attack(def, userId, attackPayloads(def, world.a.slug));
      for (const o of atA) expect(["FORBIDDEN", "NOT_FOUND"], `${role} ${describeOutcome(o)}`).toContain(o.res.ok ? "ok" : o.res.error.code);
      // Personal data of the school (people, consents, banks, pairs, meetings, surveys, personal
      // programs…): permissions the office's roles do not have are refused outright.
      const office = (PERMISSIONS[def.permission] as readonly AppRole[]).includes(role);
      if (office && !hasIds()) continue; // the office's own data (its own program…): not an attack
      const underOffice = await attack(def, userId, attackPayloads(def, world.district.slug));
      const addressed = OFFICE_TO_SCHOOLS[def.name];
      if (office && addressed) {
        // Addressed to the office's own schools (A is one): accepted, but it writes only the office's own rows.
        for (const o of underOffice) expect(o.res.ok || o.res.error.code !== "INTERNAL", `${role} ${describeOutcome(o)}`).toBe(true);
        const touched = fingerprintDiff(before, await fingerprint(owner)).map((line) => line.split(":")[0]!);
        expect(touched.filter((t) => ![...addressed, "AuditEvent", "IdempotencyKey"].includes(t)), `${role} ${def.name}`).toEqual([]);
        wrote = true;
        continue;
      }
      for (const o of underOffice) {
        if (!office) expect(o.res.ok ? "ok" : o.res.error.code, `${role} ${describeOutcome(o)}`).toBe("FORBIDDEN");
        else expect(isRefusal(o.res), `${role} ${describeOutcome(o)}`).toBe(true);
      }
    }
    if (!wrote) await expectNothingChanged("municipal office", before);
  });
});

describe("user and public actions", () => {
  it.each(userActions.map((d) => [d.name, d] as const))("%s: without a session → UNAUTHENTICATED, nothing changed", async (_name, def) => {
    const before = await fingerprint(owner);
    const payload = attackPayloads(def, world.a.slug)[0]!.payload;
    expect(await runAction(def, null, payload)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await runAction(def, null, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await expectNothingChanged(def.name, before);
  });

  it.each(publicActions.map((d) => [d.name, d] as const))("%s: a foreign or garbage token is refused, nothing changed", async (_name, def) => {
    const before = await fingerprint(owner);
    const base = attackPayloads(def, world.a.slug)[0]!.payload;
    const tokens = [
      "", "x", "0".repeat(43), world.surveyTokens[0]!.slice(0, -1) + (world.surveyTokens[0]!.endsWith("A") ? "B" : "A"), world.surveyTokens[0]!.toUpperCase() === world.surveyTokens[0] ? "abc" : world.surveyTokens[0]!.toUpperCase(),
      crypto.randomUUID(), world.a.id, world.programId, "' OR 1=1 --", "../../etc/passwd", "%00", "a".repeat(100),
    ];
    const slots = idSlots(def.input).filter((s) => !s.list && s.path.length === 1);
    expect(slots.length, "a public action names its token").toBeGreaterThan(0);
    for (const token of tokens) {
      const payload = { ...base, ...Object.fromEntries(slots.map((s) => [s.key, token])) };
      const res = await runAction(def, null, payload);
      expect(isRefusal(res), `${token} → ${JSON.stringify(res)}`).toBe(true);
      // Signed in as a member of another school changes nothing either.
      const asMember = await runAction(def, world.allRoles.b, payload);
      expect(isRefusal(asMember), `${token} (member of B) → ${JSON.stringify(asMember)}`).toBe(true);
    }
    await expectNothingChanged(def.name, before);
  });
});

describe("public actions without a token", () => {
  it("are only the password reset request", () => {
    expect(tokenlessPublicActions.map((d) => d.name)).toEqual(["password.requestReset"]);
  });

  it.each(tokenlessPublicActions.map((d) => [d.name, d] as const))("%s: anonymous and foreign callers change no organization's data", async (_name, def) => {
    // The limiter's own bookkeeping (decision 012) is the one thing such a call may write.
    const options = { skipTables: ["LoginAttempt", "PasswordResetRequest"] };
    const before = await fingerprint(owner, options);
    for (const { payload } of attackPayloads(def, world.a.slug)) {
      for (const actor of [null, world.allRoles.b]) {
        const res = await runAction(def, actor, payload);
        expect(res.ok || res.error.code !== "INTERNAL", JSON.stringify(res)).toBe(true);
      }
    }
    await expectNothingChanged(def.name, before, options);
  });
});

// Last, as it writes: the control. The same payloads sent by school A's own member holding every role
// are mostly accepted — the attacks above were refused for the tenant, not for a malformed payload.
describe("control: the same payloads from A's own member", () => {
  it("are accepted by most actions that name ids", async () => {
    const accepted: string[] = [];
    const refused: string[] = [];
    const before = await fingerprint(owner);
    for (const def of tenantActions) {
      if (idSlots(def.input).length === 0) continue;
      // An office's own actions (deadlines, letters, inviting directors) no school member may take: they measure nothing here.
      if (def.permission && !PERMISSIONS[def.permission].some((role) => (SCHOOL_ROLES as readonly AppRole[]).includes(role))) continue;
      const results = await attack(def, world.allRoles.a, attackPayloads(def, world.a.slug));
      for (const o of results) expect(o.res.ok || o.res.error.code !== "INTERNAL", `${def.name} ${describeOutcome(o)}`).toBe(true);
      (results.some((o) => o.res.ok) ? accepted : refused).push(def.name);
    }
    console.info(`[cross-tenant control] accepted for A's own member: ${accepted.length}; refused for every variant: ${refused.join(", ")}`);
    expect(accepted.length).toBeGreaterThan((accepted.length + refused.length) / 2);
    // …and the fingerprint sees what they wrote (it is not blind to the tables they touch).
    const changed = fingerprintDiff(before, await fingerprint(owner)).map((line) => line.split(":")[0]);
    expect(changed).toEqual(expect.arrayContaining(["AuditEvent", "Person", "MentorProfile", "MenteeProfile", "News", "LocalAct"]));
  });
});
