import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import type { AppRole } from "../../lib/auth/roles";
import { DEFAULT_TIME_ZONE } from "../../lib/domain/local-date";
import type { Prisma, PrismaClient } from "../../lib/db/generated/prisma/client";

// Factories build data as the database owner (no RLS): for tests' arrangements and the demo seed.
// Everything the application itself does goes through lib/db's tenant transactions instead.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type OrgInput = {
  kind?: "REGION" | "MUNICIPALITY" | "SCHOOL";
  schoolKind?: "GENERAL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY" | null;
  slug?: string;
  name?: string;
  shortName?: string | null;
  address?: string | null;
  parentId?: string | null;
  /** IANA zone; unset → the parent's (a school keeps its municipality's clock), else Europe/Moscow. */
  timeZone?: string;
};

export async function createOrganization(prisma: PrismaClient, input: OrgInput = {}) {
  const kind = input.kind ?? "SCHOOL";
  const slug = input.slug ?? `org-${unique()}`;
  const parent = input.parentId ? await prisma.organization.findUnique({ where: { id: input.parentId }, select: { timeZone: true } }) : null;
  return prisma.organization.create({
    data: {
      kind,
      schoolKind: kind === "SCHOOL" ? (input.schoolKind ?? "GENERAL") : null,
      slug,
      name: input.name ?? `Школа ${slug}`,
      shortName: input.shortName ?? null,
      address: input.address ?? null,
      parentId: input.parentId ?? null,
      timeZone: input.timeZone ?? parent?.timeZone ?? DEFAULT_TIME_ZONE,
    },
  });
}

// Hashing is the slow part of user creation; tests reuse one hash per password.
const hashes = new Map<string, Promise<string>>();
export const TEST_PASSWORD = "test-password-123";

export async function createUser(prisma: PrismaClient, input: { email?: string; name?: string; password?: string } = {}) {
  const password = input.password ?? TEST_PASSWORD;
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return prisma.user.create({
    data: {
      email: (input.email ?? `user-${unique()}@example.test`).toLowerCase(),
      name: input.name ?? "Тестовый Пользователь",
      passwordHash: await hashes.get(password)!,
    },
  });
}

export function addMembership(prisma: PrismaClient, input: { userId: string; organizationId: string; role: AppRole }) {
  return prisma.membership.create({ data: input });
}

/** A user holding the given roles in an organization. */
export async function createMember(
  prisma: PrismaClient,
  organizationId: string,
  roles: AppRole[],
  input: { email?: string; name?: string; password?: string } = {},
) {
  const user = await createUser(prisma, input);
  for (const role of roles) await addMembership(prisma, { userId: user.id, organizationId, role });
  return user;
}

/**
 * Two districts as an office's tests need them: an office with three schools (a director each, a curator in the
 * first) and its methodist; a neighbouring office with one school, its director and methodist — the other wall.
 */
export async function createTwoDistricts(prisma: PrismaClient) {
  const office = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования округа" });
  const otherOffice = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования соседнего округа" });
  const schools = [
    await createOrganization(prisma, { parentId: office.id, name: "СОШ №1" }),
    await createOrganization(prisma, { parentId: office.id, name: "СОШ №2" }),
    await createOrganization(prisma, { parentId: office.id, name: "СОШ №3" }),
  ] as const;
  const foreign = await createOrganization(prisma, { parentId: otherOffice.id, name: "СОШ соседнего округа" });
  return {
    office, otherOffice, schools, foreign,
    methodist: await createMember(prisma, office.id, ["METHODIST"]),
    otherMethodist: await createMember(prisma, otherOffice.id, ["METHODIST"]),
    directors: [await createMember(prisma, schools[0].id, ["DIRECTOR"]), await createMember(prisma, schools[1].id, ["DIRECTOR"]), await createMember(prisma, schools[2].id, ["DIRECTOR"])] as const,
    foreignDirector: await createMember(prisma, foreign.id, ["DIRECTOR"]),
    curator: await createMember(prisma, schools[0].id, ["CURATOR"]),
  };
}

/**
 * A pair with its mentees, written as the owner in the state a test needs (teacher–teacher and traditional unless
 * told): the pairs' own flow (proposal, the head's order) has its own tests.
 */
export async function createPairRow(
  prisma: PrismaClient,
  input: Omit<Prisma.PairUncheckedCreateInput, "form" | "type"> & Partial<Pick<Prisma.PairUncheckedCreateInput, "form" | "type">> & { menteeIds: string[] },
) {
  const { menteeIds, form, type, ...pair } = input;
  const created = await prisma.pair.create({ data: { form: form ?? "TEACHER_TEACHER", type: type ?? "TRADITIONAL", ...pair } });
  for (const menteeId of menteeIds) await prisma.pairMentee.create({ data: { organizationId: input.organizationId, pairId: created.id, menteeId } });
  return created;
}

type PersonRowInput = Omit<Prisma.PersonUncheckedCreateInput, "organizationId" | "kind" | "lastName" | "firstName"> &
  Partial<Pick<Prisma.PersonUncheckedCreateInput, "kind" | "lastName" | "firstName">>;
let people = 0;
const personRow = (organizationId: string, input: PersonRowInput) => ({ organizationId, kind: "TEACHER" as const, lastName: `Фамилия${++people}`, firstName: "Анна", ...input });

/**
 * A person of the organization written as the owner (a teacher «Фамилия<n> Анна» unless told), with no consent: for
 * tests of lists, accounts and figures. A test of what the curator does records people through the action
 * (tests/setup/factories.ts createConsentedPerson).
 */
export function createPersonRow(prisma: PrismaClient, organizationId: string, input: PersonRowInput = {}) {
  return prisma.person.create({ data: personRow(organizationId, input) });
}

/** Many such people in one statement (thousands for a paging test); their ids in the order given. */
export async function createPeopleRows(prisma: PrismaClient, organizationId: string, inputs: PersonRowInput[]): Promise<string[]> {
  const rows = inputs.map((input) => ({ id: randomUUID(), ...personRow(organizationId, input) }));
  await prisma.person.createMany({ data: rows });
  return rows.map((r) => r.id);
}

type ProgramRowInput = Omit<Prisma.MentoringProgramUncheckedCreateInput, "organizationId" | "academicYear" | "title" | "audience"> &
  Partial<Pick<Prisma.MentoringProgramUncheckedCreateInput, "academicYear" | "title" | "audience">>;

/**
 * A mentoring program written as the owner at the stage a test needs («Программа» of 2026 for teachers and
 * students unless told), with no roadmap: for tests of figures, lists and guards. A test of the program's own flow
 * creates it through the action (tests/setup/factories.ts createProgramOf).
 */
export function createProgramRow(prisma: PrismaClient, organizationId: string, input: ProgramRowInput = {}) {
  return prisma.mentoringProgram.create({ data: { organizationId, academicYear: 2026, title: "Программа", audience: "BOTH", ...input } });
}
