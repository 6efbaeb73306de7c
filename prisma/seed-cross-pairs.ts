import type { PrismaClient } from "../lib/db/generated/prisma/client";
import { addDays, todayIn } from "../lib/domain/local-date";
import { now } from "../lib/clock";

/**
 * Cross-school pairs of the demo district (docs/decisions/058), after the schools' own stories:
 * - СОШ № 1 gets an approved young teacher waiting in its mentee bank (Кравченко Ирина Олеговна, consents to the bank
 *   and to pairs), whom tests/e2e/cross-school-pairs.spec.ts pairs with Мельникова, the open mentor of Ковалевская ООШ.
 * - Ковалевская ООШ's waiting mentee Лебедев is proposed to СОШ № 1's open mentor, and that school's head has consented:
 *   the pair awaits the order of Ковалевская's head. The generated security suites attack it (school A of their world).
 */
export async function seedDemoCrossPairs(prisma: PrismaClient, timeZone: string): Promise<void> {
  const org = (slug: string) => prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const [sosh1, kovalevskaya] = [await org("sosh-1"), await org("kovalevskaya-oosh")];
  const [sosh1Director, kovalevskayaDirector] = [await user("director@sosh1.demo"), await user("director@kovalevskaya.demo")];
  const today = todayIn(timeZone, now());

  const person = await prisma.person.create({
    data: { organizationId: sosh1.id, kind: "TEACHER", lastName: "Кравченко", firstName: "Ирина", middleName: "Олеговна", position: "Учитель английского языка", subjects: ["Английский язык"], experienceYears: 1, qualificationCategory: "без категории", hiredOn: addDays(today, -100) },
  });
  await prisma.consent.create({ data: { organizationId: sosh1.id, personId: person.id, purposes: ["BANK", "PAIRS", "SURVEYS"], givenBy: "SUBJECT", givenAt: addDays(today, -60), separateDocument: true, recordedById: sosh1Director.id } });
  await prisma.menteeProfile.create({
    data: { organizationId: sosh1.id, personId: person.id, category: "YOUNG_SPECIALIST", difficulties: ["LESSON_PLANNING"], request: "Планирование уроков в 5-х классах", source: "QUESTIONNAIRE", addedById: sosh1Director.id, approvedById: sosh1Director.id, approvedAt: addDays(today, -50) },
  });

  const openMentor = await prisma.mentorProfile.findFirst({ where: { organizationId: sosh1.id, status: "APPROVED", districtVisibleSince: { not: null } }, select: { id: true } });
  const lebedev = await prisma.menteeProfile.findFirst({ where: { organizationId: kovalevskaya.id, status: "WAITING", person: { lastName: "Лебедев" } }, select: { id: true } });
  const program = await prisma.mentoringProgram.findFirst({ where: { organizationId: kovalevskaya.id, status: "ACTIVE" }, select: { id: true } });
  if (!openMentor || !lebedev || !program) return;
  await prisma.crossSchoolPair.create({
    data: {
      organizationId: kovalevskaya.id,
      programId: program.id,
      menteeId: lebedev.id,
      mentorOrganizationId: sosh1.id,
      mentorId: openMentor.id,
      direction: "Воспитательная работа с классом",
      status: "CONSENTED",
      version: 2,
      proposedById: kovalevskayaDirector.id,
      consentedById: sosh1Director.id,
      consentedAt: now(),
    },
  });
}
