import { now } from "../lib/clock";
import { addDays, todayIn } from "../lib/domain/local-date";
import type { PrismaClient } from "../lib/db/generated/prisma/client";

// District communities of the demo district (issue #17 item 2, decision 059): a Школа молодого учителя with СОШ №20's
// young biology teacher, who attended its first meeting (with its protocol), and a методическое объединение of
// primary-school teachers with Ковалевская ООШ's mentor. A few teachers of СОШ №20 and Ковалевская ООШ consented to
// take part in district communities (DISTRICT_COMMUNITIES), so the methodist can add them; the council of mentors is
// created in the e2e story (tests/e2e/district-communities.spec.ts).
export async function seedDemoCommunities(
  prisma: PrismaClient,
  orgs: { district: { id: string; timeZone: string }; sosh20: { id: string }; kovalevskaya: { id: string } },
  users: { methodistId: string; sosh20CuratorId: string; kovalevskayaDirectorId: string },
) {
  const today = todayIn(orgs.district.timeZone, now());
  const person = (organizationId: string, lastName: string) => prisma.person.findFirstOrThrow({ where: { organizationId, lastName }, select: { id: true, firstName: true, middleName: true, position: true } });
  const volkov = await person(orgs.sosh20.id, "Волков");
  const novikova = await person(orgs.sosh20.id, "Новикова");
  const melnikova = await person(orgs.kovalevskaya.id, "Мельникова");
  const tarasov = await person(orgs.kovalevskaya.id, "Тарасов");
  const givenAt = addDays(today, -30);
  await prisma.consent.createMany({
    data: [
      ...[volkov, novikova].map((p) => ({ organizationId: orgs.sosh20.id, personId: p.id, purposes: ["DISTRICT_COMMUNITIES" as const], givenBy: "SUBJECT" as const, givenAt, recordedById: users.sosh20CuratorId })),
      ...[melnikova, tarasov].map((p) => ({ organizationId: orgs.kovalevskaya.id, personId: p.id, purposes: ["DISTRICT_COMMUNITIES" as const], givenBy: "SUBJECT" as const, givenAt, recordedById: users.kovalevskayaDirectorId })),
    ],
  });

  const officeId = orgs.district.id;
  const school = await prisma.districtCommunity.create({ data: { organizationId: officeId, kind: "YOUNG_TEACHER_SCHOOL", name: "Школа молодого учителя", createdById: users.methodistId } });
  const association = await prisma.districtCommunity.create({
    data: { organizationId: officeId, kind: "METHOD_ASSOCIATION", name: "Методическое объединение учителей начальных классов", area: "Начальные классы", createdById: users.methodistId },
  });
  const young = await prisma.communityMember.create({
    data: { organizationId: orgs.sosh20.id, officeId, communityId: school.id, personId: novikova.id, lastName: "Новикова", firstName: novikova.firstName, middleName: novikova.middleName, position: novikova.position, addedById: users.methodistId },
  });
  await prisma.communityMember.create({
    data: { organizationId: orgs.kovalevskaya.id, officeId, communityId: association.id, personId: melnikova.id, lastName: "Мельникова", firstName: melnikova.firstName, middleName: melnikova.middleName, position: melnikova.position, mentor: true, addedById: users.methodistId },
  });
  const meeting = await prisma.communityMeeting.create({
    data: { organizationId: officeId, communityId: school.id, date: addDays(today, -14), agenda: "1. Знакомство, ожидания молодых педагогов.\n2. Как подготовить первый открытый урок.", createdById: users.methodistId },
  });
  await prisma.communityAttendance.create({ data: { organizationId: orgs.sosh20.id, officeId, meetingId: meeting.id, memberId: young.id } });
  const protocol = Buffer.from("Протокол заседания Школы молодого учителя № 1\nПрисутствовали: 1 человек.\n", "utf8");
  await prisma.communityMaterial.create({
    data: { organizationId: officeId, meetingId: meeting.id, fileName: "Протокол заседания № 1.txt", fileType: "text/plain", fileSize: protocol.length, fileData: protocol, addedById: users.methodistId },
  });
}
