import type { AppRole } from "../../lib/auth/roles";
import type { TenantContext } from "../../lib/auth/tenant";
import { addMentee, addMentor, approveMentor, recordTraining } from "../../lib/banks/actions";
import { recordDutiesConsent } from "../../lib/banks/duties-actions";
import { approveMentees } from "../../lib/banks/mentee-approval-actions";
import type { PrismaClient } from "../../lib/db/generated/prisma/client";
import type { CONSENT_PURPOSES } from "../../lib/people/schemas";
import { approvePairs, proposePairs } from "../../lib/pairs/actions";
import { createPerson, recordConsent } from "../../lib/people/actions";
import { createProgram } from "../../lib/programs/actions";
import { createMember, createOrganization } from "../factories";
import { as, callOk, tenantContext, type InputOf } from "./call";

// The world most integration tests stand in — a school, its staff and program, people with their consents,
// the two banks and approved pairs — built once here, through the real actions (as the curator and the
// head would), so that a test file names only what its story needs. tests/factories holds the raw rows.

type Org = Awaited<ReturnType<typeof createOrganization>>;
type User = Awaited<ReturnType<typeof createMember>>;
type Input<A> = Omit<InputOf<A>, "org">;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Whoever records people and consents: a school's curator. */
export type Curated = { slug: string; curator: { id: string } };
/** A school with its curator and head; whoever acts in it. */
export type Staffed = Org & { curator: User; director: User };
/** A staffed school with its mentoring program. */
export type School = Staffed & { programId: string };

export type SchoolOptions = {
  /** The school's full name, where a document or a list prints it. */
  name?: string;
  parentId?: string | null;
  shortName?: string | null;
  timeZone?: string;
  /** The head's full name, where a document prints it. */
  directorName?: string;
  /** The curator's full name, where a letter or a document prints it. */
  curatorName?: string;
};

/** A school with only its curator (a test that counts the members has no head), and the curator's request context. */
export async function createCuratedSchool(prisma: PrismaClient, options: SchoolOptions = {}): Promise<Org & { curator: User; ctx: TenantContext }> {
  const org = await createOrganization(prisma, { name: options.name, parentId: options.parentId, shortName: options.shortName, timeZone: options.timeZone });
  const curator = await createMember(prisma, org.id, ["CURATOR"], options.curatorName ? { name: options.curatorName } : {});
  return { ...org, curator, ctx: tenantContext(org, curator, ["CURATOR"]) };
}

/** An organization (a general school unless told) with a curator and a director. */
export async function createStaffedSchool(prisma: PrismaClient, options: SchoolOptions = {}): Promise<Staffed> {
  const org = await createOrganization(prisma, { name: options.name, parentId: options.parentId, shortName: options.shortName, timeZone: options.timeZone });
  const curator = await createMember(prisma, org.id, ["CURATOR"], options.curatorName ? { name: options.curatorName } : {});
  const director = await createMember(prisma, org.id, ["DIRECTOR"], options.directorName ? { name: options.directorName } : {});
  return { ...org, curator, director };
}

/**
 * A staffed school with the program of 2026 created by its curator from the school template; `stage` moves it
 * on directly (the stage gates have their own tests).
 */
export async function createSchool(
  prisma: PrismaClient,
  options: SchoolOptions & { stage?: number; audience?: Input<typeof createProgram>["audience"] } = {},
): Promise<School> {
  const s = await createStaffedSchool(prisma, options);
  const programId = await createProgramOf(s, { audience: options.audience });
  if (options.stage !== undefined) await prisma.mentoringProgram.update({ where: { id: programId }, data: { stage: options.stage } });
  return { ...s, programId };
}

/** Such a school whose staff includes a mentor's account (a mentor who signs in: meetings, plans, the work list). */
export async function createSchoolWithMentor(prisma: PrismaClient, options: Parameters<typeof createSchool>[1] = {}): Promise<School & { mentorUser: User }> {
  const s = await createSchool(prisma, options);
  return { ...s, mentorUser: await addStaff(prisma, s, ["MENTOR"]) };
}

type ProgramInput = Input<typeof createProgram>;

/** A program the curator creates (2026, for teachers and students, from the school template unless told); its id. */
export type ProgramOptions = { year?: number; audience?: ProgramInput["audience"]; template?: ProgramInput["template"] };
export async function createProgramOf(s: Curated, options: ProgramOptions = {}): Promise<string> {
  const { programId } = await callOk(createProgram, as(s.curator), { org: s.slug, academicYear: options.year ?? 2026, audience: options.audience ?? "BOTH", template: options.template ?? "school" });
  return programId;
}

/** One more member of the school holding the roles. */
export const addStaff = (prisma: PrismaClient, s: { id: string }, roles: AppRole[], input: { name?: string; email?: string } = {}) => createMember(prisma, s.id, roles, input);

let n = 0;
export type PersonOptions = Partial<Input<typeof createPerson>> & {
  /** The purposes of the one consent recorded (none with []). */
  purposes?: ConsentPurpose[];
  /** The consent's date: 5 September 2026, the dated story's, unless told. */
  givenAt?: string;
};

/** A teacher of the school («Фамилия<n> Имя» unless named) with a consent the person gave to the purposes. */
export async function createConsentedPerson(s: Curated, options: PersonOptions = {}): Promise<string> {
  const { purposes = ["BANK", "PAIRS"], givenAt = "2026-09-05", ...fields } = options;
  n += 1;
  // A field given as undefined keeps its default (a caller passes an optional name straight through).
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const { personId } = await callOk(createPerson, as(s.curator), { org: s.slug, kind: "TEACHER", lastName: `Фамилия${n}`, firstName: "Имя", ...given });
  if (purposes.length) await createConsent(s, personId, purposes, { givenAt });
  return personId;
}

/** A consent the person gave themself (on 5 September 2026 unless told) to the purposes, as the curator records it; its id. */
export async function createConsent(
  s: Curated,
  personId: string,
  purposes: ConsentPurpose[],
  details: Partial<Omit<Input<typeof recordConsent>, "personId" | "purposes">> = {},
): Promise<string> {
  const { consentId } = await callOk(recordConsent, as(s.curator), { org: s.slug, personId, purposes, givenBy: "SUBJECT", givenAt: "2026-09-05", ...details });
  return consentId;
}

export type MenteeOptions = Partial<Omit<Input<typeof addMentee>, "personId">> & {
  person?: PersonOptions;
  /** The head approves the entry (decision 025) unless false. */
  approve?: boolean;
};

/** A young specialist in the mentee bank, approved by the head unless told. */
export async function createMentee(s: Staffed, options: MenteeOptions = {}): Promise<{ menteeId: string; personId: string }> {
  const { person, approve = true, ...fields } = options;
  const personId = await createConsentedPerson(s, person);
  const { menteeId } = await callOk(addMentee, as(s.curator), { org: s.slug, personId, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE", ...fields });
  if (approve) await callOk(approveMentees, as(s.director), { org: s.slug, menteeIds: [menteeId] });
  return { menteeId, personId };
}

export type MentorOptions = Partial<Omit<Input<typeof addMentor>, "personId">> & {
  person?: PersonOptions;
  /** A person already recorded (with the consents the test gave them) instead of a new one. */
  personId?: string;
  /** The installation session of 1 October 2026 unless told; null: no training recorded. */
  training?: Partial<Omit<Input<typeof recordTraining>, "mentorId">> | null;
  /** The written consent to the additional duties, of 7 September 2026 unless told; null: none. */
  dutiesGivenAt?: string | null;
  /** The head approves the entry unless false. */
  approve?: boolean;
};

/** A teacher in the mentor bank: trained, with the duties consent, approved — unless told. */
export async function createMentor(s: Staffed, options: MentorOptions = {}): Promise<{ mentorId: string; personId: string }> {
  const { person, training = {}, dutiesGivenAt = "2026-09-07", approve = true, personId: given, ...fields } = options;
  const personId = given ?? (await createConsentedPerson(s, person));
  const { mentorId } = await callOk(addMentor, as(s.curator), { org: s.slug, personId, competencies: ["DISCIPLINE"], capacity: "2", ...fields });
  if (dutiesGivenAt !== null) await callOk(recordDutiesConsent, as(s.curator), { org: s.slug, mentorId, givenAt: dutiesGivenAt });
  if (training !== null) await callOk(recordTraining, as(s.curator), { org: s.slug, mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: "2026-10-01", ...training });
  if (approve) await callOk(approveMentor, as(s.director), { org: s.slug, mentorId });
  return { mentorId, personId };
}

type ProposedPair = Input<typeof proposePairs>["pairs"][number];

/**
 * The pairs proposed by the curator (teacher–teacher, traditional unless told) and approved by the head's order
 * of 10 October 2026 unless told; their ids, in the order given.
 */
export async function createApprovedPairs(
  s: School,
  pairs: (Pick<ProposedPair, "mentorId" | "menteeIds"> & Partial<ProposedPair>)[],
  options: { orderDate?: string } = {},
): Promise<string[]> {
  const { pairIds } = await callOk(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: pairs.map((p) => ({ form: "TEACHER_TEACHER" as const, type: "TRADITIONAL" as const, ...p })) });
  await callOk(approvePairs, as(s.director), { org: s.slug, orderDate: options.orderDate ?? "2026-10-10", pairs: pairIds.map((pairId) => ({ pairId, version: 1 })) });
  return pairIds;
}
