import { describe, expect, it } from "vitest";
import { recordAward, renameAward } from "../../lib/completion/actions";
import { as, call, callOk } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createMentor, createSchool } from "../setup/factories";

// TRIAL (CONTRIBUTING.md «Adding an action», followed to the letter): awards.rename.
const db = setupTestDatabase();
pinClock();

describe("awards.rename", () => {
  it("renames the school's own award; a stranger and the same title are refused and change nothing", async () => {
    const s = await createSchool(db().prisma, { stage: 7 });
    const other = await createSchool(db().prisma, { stage: 7 });
    const m = await createMentor(s);
    const { awardId } = await callOk(recordAward, as(s.curator), { org: s.slug, programId: s.programId, personId: m.personId, kind: "CERTIFICATE", title: "Грамота наставнку", awardedOn: "2027-05-20" });
    const title = async () => (await db().prisma.award.findUniqueOrThrow({ where: { id: awardId } })).title;

    expect(await call(renameAward, as(other.curator), { org: other.slug, awardId, title: "Чужая грамота" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(renameAward, as(s.curator), { org: s.slug, awardId, title: "Грамота наставнку" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { title: ["Новое название совпадает с прежним."] } } });
    expect(await title()).toBe("Грамота наставнку");

    await callOk(renameAward, as(s.director), { org: s.slug, awardId, title: "Грамота наставнику" });
    expect(await title()).toBe("Грамота наставнику");
    expect(await db().prisma.auditEvent.count({ where: { action: "awards.rename", targetId: awardId } })).toBe(1);
  });
});
