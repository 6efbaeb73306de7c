import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction, type AnyActionDef } from "../../lib/actions/action";
import { PERMISSIONS } from "../../lib/auth/permissions";
import { ROLES, type AppRole } from "../../lib/auth/roles";
// Every actions module of lib/, found by name, so a new one cannot be left out of the matrix.
// (lib/auth/actions.ts only composes registered actions with next-auth's signIn; it defines none.)
import.meta.glob(["../../lib/**/*actions.ts", "!../../lib/auth/actions.ts"], { eager: true });
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();
const users = new Map<AppRole, { id: string }>();
let org: { slug: string };

beforeAll(async () => {
  const organization = await createOrganization(db().prisma);
  org = organization;
  for (const role of ROLES) users.set(role, await createMember(db().prisma, organization.id, [role]));
});

const tenantActions = [...ACTION_REGISTRY.values()].filter((d): d is Extract<AnyActionDef, { scope: "tenant" }> => d.scope === "tenant");

describe("the action registry", () => {
  it("holds every action, each with a known scope and permission", () => {
    expect([...ACTION_REGISTRY.keys()].sort()).toEqual(
      [
        "account.changePassword",
        "account.saveLocale",
        "acts.approve",
        "acts.attachFile",
        "acts.register",
        "awards.delete",
        "awards.record",
        "completion.updateBanks",
        "consents.attachScan",
        "consents.record",
        "consents.revoke",
        "district.inviteDirector",
        "invitation.accept",
        "invitations.revoke",
        "members.invite",
        "members.remove",
        "mentees.add",
        "mentees.addFromSurvey",
        "mentees.leave",
        "mentees.update",
        "mentors.add",
        "mentors.addFromSurvey",
        "mentors.approve",
        "mentors.leave",
        "mentors.recordTraining",
        "mentors.setDistrictVisibility",
        "mentors.update",
        "meetings.delete",
        "news.delete",
        "news.save",
        "news.setPublished",
        "publication.setAct",
        "publication.setSection",
        "meetings.log",
        "notifications.markAllRead",
        "notifications.markRead",
        "personalPrograms.deleteItem",
        "personalPrograms.fromTemplate",
        "personalPrograms.save",
        "personalPrograms.saveItem",
        "pairs.approve",
        "pairs.close",
        "pairs.match",
        "pairs.propose",
        "pairs.reject",
        "pairs.withdraw",
        "people.create",
        "people.linkAccount",
        "people.import",
        "people.importPreview",
        "practices.attachFile",
        "practices.delete",
        "practices.save",
        "practices.setSharing",
        "programs.advance",
        "programs.create",
        "programs.override",
        "programs.return",
        "programs.saveIndicator",
        "programs.updatePassport",
        "roadmap.deleteActivity",
        "roadmap.import",
        "roadmap.preview",
        "roadmap.saveActivity",
        "reminders.runNow",
        "roadmap.setStatus",
        "surveys.addRecipients",
        "surveys.answer",
        "surveys.answerByLink",
        "surveys.close",
        "surveys.create",
        "surveys.open",
        "surveys.reissueLink",
        "surveys.removeRecipient",
        "surveys.updateQuestions",
      ].sort(),
    );
    for (const def of tenantActions) expect(Object.keys(PERMISSIONS)).toContain(def.permission);
  });
});

describe.each(tenantActions.map((d) => [d.name, d] as const))("%s: allow/deny for every role", (_name, def) => {
  it.each(ROLES.map((r) => [r]))("%s", async (role) => {
    const allowed = (PERMISSIONS[def.permission] as readonly AppRole[]).includes(role);
    // Empty input: an allowed role gets past the permission check and fails validation instead.
    const res = await runAction(def, users.get(role)!.id, { org: org.slug });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    if (allowed) expect(res.error.code).toBe("VALIDATION");
    else expect(res.error).toMatchObject({ code: "FORBIDDEN", message: "Недостаточно прав для этого действия." });
  });
});

describe("cross-tenant: a user holding every role in school B", () => {
  it.each(tenantActions.map((d) => [d.name, d] as const))("is refused by %s aimed at school A, and nothing is written", async (_name, def) => {
    const prisma = db().prisma;
    const schoolB = await createOrganization(prisma);
    const intruder = await createMember(prisma, schoolB.id, [...ROLES]);
    const before = [await prisma.invitation.count(), await prisma.membership.count(), await prisma.auditEvent.count()];
    const res = await runAction(def, intruder.id, { org: org.slug, email: "x@example.test", role: "MENTOR", schoolId: schoolB.id });
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect([await prisma.invitation.count(), await prisma.membership.count(), await prisma.auditEvent.count()]).toEqual(before);
  });
});

describe("user and public actions need no organization role", () => {
  it("refuse a missing session (user scope)", async () => {
    for (const def of ACTION_REGISTRY.values()) {
      if (def.scope !== "user") continue;
      expect(await runAction(def, null, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
  });
});
