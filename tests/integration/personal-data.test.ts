import { beforeAll, describe, expect, it } from "vitest";
import { addMentee } from "../../lib/banks/actions";
import { withDb } from "../../lib/db";
import { renderPersonalDataDocx } from "../../lib/documents/personal-data-docx";
import { createPerson, recordConsent } from "../../lib/people/actions";
import { loadPersonalData, personalDataDocument, personalDataJson } from "../../lib/people/personal-data";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { as, call } from "../setup/call";
import { docxXml } from "../setup/files";

const db = setupTestDatabase();
// A dated story (consents of September 2026, trainings in October): its own clock, see tests/setup/clock.ts.
pinClock();

let school: { id: string; slug: string };
let other: { id: string };
let curator: { id: string };
let personId: string;

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createOrganization(prisma);
  other = await createOrganization(prisma);
  curator = await createMember(prisma, school.id, ["CURATOR"]);
  const p = await call(createPerson, as(curator), { org: school.slug, kind: "TEACHER", lastName: "Зайцева", firstName: "Мария", middleName: "Олеговна", email: "zaitseva@example.org", position: "Учитель истории" });
  if (!p.ok) throw new Error(p.error.message);
  personId = p.data.personId;
  const c = await call(recordConsent, as(curator), { org: school.slug, personId, purposes: ["BANK", "SURVEYS"], givenBy: "SUBJECT", givenAt: "2026-09-02" });
  if (!c.ok) throw new Error(c.error.message);
  const m = await call(addMentee, as(curator), { org: school.slug, personId, category: "YOUNG_SPECIALIST", difficulties: ["PARENTS"], request: "Родительские собрания", source: "QUESTIONNAIRE" });
  if (!m.ok) throw new Error(m.error.message);
});

describe("personal data on request", () => {
  it("gathers the person, consents and bank entry, as JSON and as a readable .docx", async () => {
    const data = await withDb({ organizationId: school.id }, (tx) => loadPersonalData(tx, school.id, personId));
    expect(data).not.toBeNull();
    const json = personalDataJson(data!, new Date("2026-11-25T10:00:00Z"));
    expect(json).toMatchObject({ lastName: "Зайцева", email: "zaitseva@example.org", menteeProfile: { category: "YOUNG_SPECIALIST", request: "Родительские собрания" } });
    expect(json.consents).toHaveLength(1);

    const bytes = await renderPersonalDataDocx(personalDataDocument(data!, new Date("2026-11-25T10:00:00Z")));
    const xml = await docxXml(bytes);
    for (const text of ["Зайцева Мария Олеговна", "по состоянию на 25.11.2026", "Молодой педагог (стаж до 3 лет)", "Работа с родителями", "включение в банк наставников / наставляемых", "Родительские собрания"]) {
      expect(xml).toContain(text);
    }
  });

  it("finds nothing from another school's scope", async () => {
    expect(await withDb({ organizationId: other.id }, (tx) => loadPersonalData(tx, school.id, personId))).toBeNull();
  });
});
