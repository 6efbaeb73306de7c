import { beforeAll, describe, expect, it } from "vitest";
import { approveAct, attachActFile, registerAct } from "../../lib/programs/actions";
import { setActPublished, setPublicSection } from "../../lib/publication/actions";
import { loadPublishedActFile } from "../../lib/publication/public";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk } from "../setup/call";

// Issue #12, finding 6c: the file of an act the director approved (also one published on the school's
// site) is changed only by a new approval — a new edition of the act. A replacement is refused with a
// message that says how to proceed; the stored and the published file stay the approved one.
const db = setupTestDatabase();
const pdf = (text: string, name = "положение.pdf") => new File([new TextEncoder().encode(`%PDF-1.4 ${text}`)], name, { type: "application/pdf" });

let school: { id: string; slug: string };
let curator: { id: string };
let director: { id: string };
let actId: string;

beforeAll(async () => {
  const prisma = db().prisma;
  const district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  school = await createOrganization(prisma, { parentId: district.id });
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  director = await createMember(prisma, school.id, ["DIRECTOR"]);
  ({ actId } = await callOk(registerAct, as(curator), { org: school.slug, kind: "REGULATION", number: "12", date: "2026-09-01", title: "Положение о наставничестве" }));
  await callOk(attachActFile, as(curator), { org: school.slug, actId, file: pdf("подписанное положение") });
  await callOk(approveAct, as(director), { org: school.slug, actId });
  await callOk(setPublicSection, as(curator), { org: school.slug, published: true });
  await callOk(setActPublished, as(curator), { org: school.slug, actId, published: true });
});

describe("the file of an approved act", () => {
  it("is not replaced by the curator (nor by the director): refused with how to proceed; the database and the public section keep the approved file", async () => {
    const published = await loadPublishedActFile(school.slug, actId);
    expect(Buffer.from(published!.data).toString()).toBe("%PDF-1.4 подписанное положение");
    const before = await db().prisma.localAct.findUniqueOrThrow({ where: { id: actId } });

    for (const who of [curator, director]) {
      const res = await call(attachActFile, as(who), { org: school.slug, actId, file: pdf("подменённый текст", "другое.pdf") });
      expect(res).toMatchObject({
        ok: false,
        error: { code: "CONFLICT", message: expect.stringContaining("его файл меняется только новым утверждением") },
      });
      if (!res.ok) expect(res.error.message).toContain("новую редакцию акта");
    }

    const after = await db().prisma.localAct.findUniqueOrThrow({ where: { id: actId } });
    expect({ name: after.fileName, size: after.fileSize, status: after.status, published: after.publishedOnSite }).toEqual({
      name: "положение.pdf",
      size: before.fileSize,
      status: "APPROVED",
      published: true,
    });
    expect(Buffer.from(after.fileData!).toString()).toBe("%PDF-1.4 подписанное положение");
    const still = await loadPublishedActFile(school.slug, actId);
    expect(still?.name).toBe("положение.pdf");
    expect(Buffer.from(still!.data).toString()).toBe("%PDF-1.4 подписанное положение");
    // The refusal wrote nothing, not even an audit record of an attachment.
    expect(await db().prisma.auditEvent.count({ where: { organizationId: school.id, action: "acts.attachFile" } })).toBe(1);
  });

  it("a new edition goes the usual way: registered, given its file (replaceable until approved), approved", async () => {
    const { actId: edition } = await callOk(registerAct, as(curator), { org: school.slug, kind: "REGULATION", number: "12/1", date: "2026-10-01", title: "Положение о наставничестве (новая редакция)" });
    await callOk(attachActFile, as(curator), { org: school.slug, actId: edition, file: pdf("черновик") });
    await callOk(attachActFile, as(curator), { org: school.slug, actId: edition, file: pdf("новая редакция", "положение-2.pdf") });
    await callOk(approveAct, as(director), { org: school.slug, actId: edition });
    const stored = await db().prisma.localAct.findUniqueOrThrow({ where: { id: edition } });
    expect({ name: stored.fileName, status: stored.status }).toEqual({ name: "положение-2.pdf", status: "APPROVED" });
  });
});
