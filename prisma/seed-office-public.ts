import { now } from "../lib/clock";
import { todayIn } from "../lib/domain/local-date";
import type { PrismaClient } from "../lib/db/generated/prisma/client";

// The office's public «Наставничество» section and its recognition of mentors (issue #17 items 5 and 4a,
// docs/decisions/060): the Левокумский office publishes its section with the municipal regulation and roadmap and one
// announcement, and has awarded the district-visible mentor of БОУ «Ковалевская ООШ» (Мельникова) a letter of thanks —
// rows the generated security suites attack (the award is the school's row naming the office).

const DAY = 24 * 60 * 60 * 1000;
/** A tiny but real PDF: the public section's download link has something to serve. */
const pdf = (title: string) => new TextEncoder().encode(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export async function seedOfficePublic(prisma: PrismaClient, officeId: string, methodistId: string, timeZone: string) {
  const today = todayIn(timeZone, now());
  const ago = (days: number) => new Date(today.getTime() - days * DAY);
  await prisma.publicSection.create({
    data: {
      organizationId: officeId,
      publishedAt: new Date(now().getTime() - 20 * DAY),
      intro: "Муниципальная система наставничества педагогических работников и обучающихся: нормативные документы округа, новости, лучшие практики и разделы «Наставничество» школ и детских садов.",
      contacts: "Муниципальный куратор наставничества — методист отдела образования, тел. 8 (86543) 3-15-40",
    },
  });
  const documents = [
    { kind: "MUNICIPAL_REGULATION", number: "214", title: "Положение о муниципальной системе наставничества педагогических работников", days: 95 },
    { kind: "MUNICIPAL_ROADMAP", number: "215", title: "Дорожная карта внедрения целевой модели наставничества в образовательных организациях округа", days: 95 },
  ] as const;
  for (const d of documents) {
    const data = pdf(d.title);
    await prisma.officeDocument.create({
      data: { organizationId: officeId, kind: d.kind, number: d.number, title: d.title, issuedOn: ago(d.days), fileName: `${d.kind === "MUNICIPAL_REGULATION" ? "Положение" : "Дорожная карта"}.pdf`, fileType: "application/pdf", fileSize: data.length, fileData: Buffer.from(data), publishedOnSite: true, createdById: methodistId },
    });
  }
  await prisma.news.create({
    data: {
      organizationId: officeId,
      title: "Объявлен муниципальный конкурс «Наставник года»",
      body: "Отдел образования объявляет муниципальный конкурс профессионального мастерства «Наставник года». Заявки от образовательных организаций принимаются до конца месяца.",
      publishedAt: new Date(now().getTime() - 3 * DAY),
      authorId: methodistId,
    },
  });
  const mentor = await prisma.mentorProfile.findFirst({
    where: { organization: { slug: "kovalevskaya-oosh" }, districtVisibleSince: { not: null }, status: "APPROVED" },
    select: { id: true, organizationId: true, person: { select: { lastName: true, firstName: true, middleName: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (mentor) {
    const p = mentor.person;
    await prisma.districtAward.create({
      data: {
        organizationId: mentor.organizationId,
        officeId,
        mentorId: mentor.id,
        personName: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" "),
        kind: "LETTER_OF_THANKS",
        awardedOn: ago(10),
        basis: "Приказ отдела образования № 230 от " + ago(10).toISOString().slice(0, 10).split("-").reverse().join("."),
        createdById: methodistId,
      },
    });
  }
}
