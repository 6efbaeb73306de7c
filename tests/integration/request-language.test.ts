import { beforeAll, describe, expect, it, vi } from "vitest";
import { previewRoadmapImport } from "../../lib/programs/import-actions";
import { createMember, createOrganization } from "../factories";
import { as, call } from "../setup/call";
import { setupTestDatabase } from "../setup/database";

// The reader chose English with the language switch of the sign-in page (the NEXT_LOCALE cookie), while their
// account still says Russian: a refusal's message and its details lines come in the same language — the
// cookie's (decision 063). The details are worded by the action's body from ctx.user.locale.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name === "NEXT_LOCALE" ? { value: "en" } : undefined) }) }));

const db = setupTestDatabase();
let slug = "";
let curator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  const school = await createOrganization(prisma, { kind: "SCHOOL" });
  slug = school.slug;
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: curator.id } })).locale).toBe("ru");
});

describe("the language of a refusal", () => {
  it("words the message and the body's details in the cookie's language, not the account's", async () => {
    const garbage = new File([new Uint8Array([0, 1, 2, 3, 0, 255])], "карта.bin");
    const res = await call(previewRoadmapImport, as(curator), { org: slug, file: garbage });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toBe("No roadmap activities were found in the document.");
    expect(res.error.details).toEqual(["This is not a text file, a PDF or a .docx document."]);
  });
});
