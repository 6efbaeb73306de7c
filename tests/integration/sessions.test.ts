import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { liveSessionWhere, openSession, revokeAllSessions, revokeSession } from "../../lib/auth/sessions";
import { createUser } from "../factories";
import { now } from "../../lib/clock";
import { setupTestDatabase } from "../setup/database";
import { as, call } from "../setup/call";
import { signOutEverywhere } from "../../lib/members/actions";

// Server-side sessions (decision 012): what getSessionUser accepts, what revocation does, and the
// row-level-security wall between users' sessions. The cookie replays are in tests/e2e/sessions.spec.ts.
const db = setupTestDatabase();

const isLive = (userId: string, sessionId: string, now?: Date) =>
  withDb({ userId }, async (tx) => (await tx.userSession.count({ where: liveSessionWhere(userId, sessionId, now) })) === 1);

describe("UserSession", () => {
  it("a session is live until it is revoked or expires, and only for its own user", async () => {
    const anna = await createUser(db().prisma);
    const boris = await createUser(db().prisma);
    const first = await openSession(anna.id);
    const second = await openSession(anna.id);
    expect(await isLive(anna.id, first)).toBe(true);
    expect(await isLive(boris.id, first)).toBe(false);
    expect(await isLive(anna.id, first, new Date(now().getTime() + 8 * 3600_000 + 1000))).toBe(false);

    await revokeSession(boris.id, first); // someone else's id: nothing happens
    expect(await isLive(anna.id, first)).toBe(true);
    await revokeSession(anna.id, first);
    expect(await isLive(anna.id, first)).toBe(false);
    expect(await isLive(anna.id, second)).toBe(true);
  });

  it("«Выйти на всех устройствах» revokes every session of the user and no one else's", async () => {
    const anna = await createUser(db().prisma);
    const boris = await createUser(db().prisma);
    const annas = [await openSession(anna.id), await openSession(anna.id)];
    const boriss = await openSession(boris.id);
    const res = await call(signOutEverywhere, as(anna), {});
    expect(res).toEqual({ ok: true, data: { revoked: 2 } });
    for (const id of annas) expect(await isLive(anna.id, id)).toBe(false);
    expect(await isLive(boris.id, boriss)).toBe(true);
  });

  it("an action called with a session's ids runs only while that session is live (checked in the action's own transaction)", async () => {
    const anna = await createUser(db().prisma);
    const boris = await createUser(db().prisma);
    const first = await openSession(anna.id);
    const second = await openSession(anna.id);
    // Someone else's session id with Anna's user id matches nothing.
    const borisSession = await openSession(boris.id);
    expect(await call(signOutEverywhere, { userId: anna.id, sessionId: borisSession }, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await isLive(anna.id, first)).toBe(true);
    await revokeSession(anna.id, first);
    expect(await call(signOutEverywhere, { userId: anna.id, sessionId: first }, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await isLive(anna.id, second)).toBe(true);
    expect(await call(signOutEverywhere, { userId: anna.id, sessionId: second }, {})).toEqual({ ok: true, data: { revoked: 1 } });
    expect(await isLive(anna.id, second)).toBe(false);
  });

  it("row-level security: in one user's scope another user's sessions can be neither seen nor revoked, even unfiltered", async () => {
    const anna = await createUser(db().prisma);
    const boris = await createUser(db().prisma);
    const borisSession = await openSession(boris.id);
    const seen = await withDb({ userId: anna.id }, (tx) => tx.userSession.findMany({ select: { userId: true } }));
    expect(seen.every((s) => s.userId === anna.id)).toBe(true);
    const revoked = await withDb({ userId: anna.id }, (tx) => tx.userSession.updateMany({ data: { revokedAt: now() } }));
    expect(revoked.count).toBe(0);
    expect(await withDb({ userId: anna.id }, (tx) => revokeAllSessions(tx, boris.id))).toBe(0);
    await expect(withDb({ userId: anna.id }, (tx) => tx.userSession.create({ data: { userId: boris.id, expiresAt: new Date(now().getTime() + 60_000) } }))).rejects.toThrow();
    expect(await isLive(boris.id, borisSession)).toBe(true);
  });

  it("signing in again clears the user's expired sessions", async () => {
    const anna = await createUser(db().prisma);
    await db().prisma.userSession.create({ data: { userId: anna.id, createdAt: new Date(now().getTime() - 9 * 3600_000), expiresAt: new Date(now().getTime() - 3600_000) } });
    await openSession(anna.id);
    expect(await db().prisma.userSession.count({ where: { userId: anna.id } })).toBe(1);
  });
});
