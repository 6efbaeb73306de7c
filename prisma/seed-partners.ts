import type { PrismaClient } from "../lib/db/generated/prisma/client";

// Demo partner organizations and consultations (issue #17 items 3 and 4b, docs/decisions/061):
// - БОУ «Ковалевская ООШ» has a partner (the security suites' school A attacks its rows) and a consultation with
//   the district office: the school's question, the methodist's reply;
// - МКОУ «СОШ № 1» has an external specialist in its mentor bank (consent for the bank given), not yet linked to a
//   partner — tests/e2e/partners-consultations.spec.ts registers the partner and links him.
export async function seedDemoPartners(prisma: PrismaClient, at: { today: Date; now: Date }) {
  const bySlug = (slug: string) => prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, parentId: true } });
  const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const kovalevskaya = await bySlug("kovalevskaya-oosh");
  const director = await userId("director@kovalevskaya.demo");
  const methodist = await userId("methodist@levokumsky.demo");

  await prisma.partnerOrganization.create({
    data: {
      organizationId: kovalevskaya.id,
      name: "СПК колхоз «Ковалевский»",
      inn: "2613000010",
      agreementNumber: "3",
      agreementDate: new Date(Date.UTC(at.today.getUTCFullYear() - 1, 8, 1)),
      contactName: "Руденко Пётр Иванович",
      phone: "+7 (86543) 2-11-00",
    },
  });
  const consultation = await prisma.consultation.create({
    data: {
      organizationId: kovalevskaya.id,
      officeId: kovalevskaya.parentId!,
      topic: "Персонализированная программа для молодого педагога",
      question: "Как оформить персонализированную программу наставничества, если наставляемый работает на 0,5 ставки?",
      askedById: director,
      askedAt: at.now,
    },
  });
  await prisma.consultationMessage.create({
    data: {
      organizationId: kovalevskaya.parentId!,
      schoolId: kovalevskaya.id,
      consultationId: consultation.id,
      body: "Программа составляется так же, срок и число встреч — с учётом нагрузки; пришлите проект, посмотрю.",
      authorId: methodist,
      authorName: "Белова Ирина Викторовна",
      createdAt: at.now,
    },
  });

  const sosh1 = await bySlug("sosh-1");
  const curator = await userId("curator@sosh1.demo");
  const person = await prisma.person.create({
    data: { organizationId: sosh1.id, kind: "EXTERNAL", lastName: "Гуляев", firstName: "Артём", middleName: "Викторович", position: "Инженер-агроном", externalOrganization: "ООО «Агрофирма «Левокумская»", experienceYears: 12 },
  });
  await prisma.consent.create({
    data: { organizationId: sosh1.id, personId: person.id, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: at.today, recordedById: curator },
  });
  await prisma.mentorProfile.create({ data: { organizationId: sosh1.id, personId: person.id, competencies: ["UPBRINGING"], capacity: 1, addedById: curator } });
}
