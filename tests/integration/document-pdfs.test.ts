import { describe, expect, it, vi } from "vitest";
import { libreOffice } from "../../lib/documents/pdf";
import { translator } from "../../lib/i18n/translator";
import { readPdfLines, readPdfText } from "../../lib/roadmap/read-pdf";
import { seedDemo } from "../../prisma/seed";
import { setupTestDatabase } from "../setup/database";
import { signedIn } from "../setup/signed-in";

// Issue #15 item 7: every generated document is served as .docx and as PDF by its own route, through one
// helper (lib/http/document-response.ts). For each kind the real route handler is asked for ?format=pdf as
// the user who downloads it, on the demo district; the PDF (LibreOffice headless) is read back with
// pdfjs-dist and must carry the names and requisites of the .docx. Without LibreOffice on the machine the
// same request must answer the plain 503 text instead.

// The routes read the signed-in user through lib/auth/session: here whoever `session.user` holds, with a
// real live session row (as tests/integration/district-monitoring.test.ts does).
vi.mock("../../lib/auth/session", async () => (await import("../setup/signed-in")).signedInSessionModule);
const session = signedIn;
// Outside a Next request there are no cookies (the routes speak Russian, the default); the site is at nastavnik.test.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers({ host: "nastavnik.test" }) }));

const db = setupTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Case = { title: string; route: Handler; url: string; params: Record<string, string>; as: string; expected: string[]; fileName: string };

/** Whitespace as single spaces, no-break spaces and line breaks included: a wrapped line is still the same text. */
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, " ");

describe("every generated document as PDF", () => {
  it("each document route serves ?format=pdf whose text carries the document's names and requisites; ?format=xls is refused", { timeout: 900_000 }, async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
    const prisma = db().prisma;
    await seedDemo(prisma);
    const school = await prisma.organization.findUniqueOrThrow({ where: { slug: "kovalevskaya-oosh" } });
    const district = await prisma.organization.findUniqueOrThrow({ where: { id: school.parentId! } });
    const program = await prisma.mentoringProgram.findFirstOrThrow({ where: { organizationId: school.id } });
    const order = await prisma.pairOrder.findFirstOrThrow({ where: { organizationId: school.id } });
    const pair = await prisma.pair.findFirstOrThrow({ where: { organizationId: school.id, personalProgram: { isNot: null } }, include: { mentees: { include: { mentee: { include: { person: true } } } }, mentor: { include: { person: true } } } });
    const mentorPerson = pair.mentor.person;
    const menteePerson = pair.mentees[0]!.mentee.person;
    const consent = await prisma.consent.findFirstOrThrow({ where: { organizationId: school.id, personId: menteePerson.id, purposes: { has: "PAIRS" } } });
    const user = async (email: string) => {
      const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
      return { ...u, name: u.name ?? "", locale: "ru" as const };
    };
    const director = await user("director@kovalevskaya.demo");
    const methodist = await user("methodist@levokumsky.demo");
    const year = program.academicYear;
    const years = `${year}/${year + 1}`;
    const org = school.slug;
    const routes = {
      programDocuments: (await import("../../app/(app)/[org]/program/documents/[kind]/route")).GET,
      consent: (await import("../../app/(app)/[org]/people/consents/[consentId]/document/route")).GET,
      dutiesConsent: (await import("../../app/(app)/[org]/mentors/[mentorId]/duties-consent/route")).GET,
      appointmentOrder: (await import("../../app/(app)/[org]/mentors/appointment-order/route")).GET,
      pairsOrder: (await import("../../app/(app)/[org]/pairs/orders/[orderId]/route")).GET,
      personalProgram: (await import("../../app/(app)/[org]/pairs/[pairId]/program/docx/route")).GET,
      schoolReport: (await import("../../app/(app)/[org]/monitoring/report/route")).GET,
      districtReport: (await import("../../app/(app)/[org]/district/report/route")).GET,
      personalData: (await import("../../app/(app)/[org]/people/[personId]/export/route")).GET,
    } as unknown as Record<string, Handler>;
    const route = async (name: string) => routes[name]!;
    const mentorName = `${mentorPerson.lastName} ${mentorPerson.firstName}`;
    const menteeName = `${menteePerson.lastName} ${menteePerson.firstName}`;
    // The school's name as the documents print it (short name in the text, full name in the heading).
    const schoolName = school.name;

    const cases: Case[] = [
      { title: "roadmap", route: await route("programDocuments"), url: `/${org}/program/documents/roadmap?year=${year}`, params: { org, kind: "roadmap" }, as: "director", expected: ["Дорожная карта", years], fileName: `Дорожная карта ${year}-${year + 1}.pdf` },
      { title: "roadmap order", route: await route("programDocuments"), url: `/${org}/program/documents/roadmap-order?year=${year}`, params: { org, kind: "roadmap-order" }, as: "director", expected: ["ПРИКАЗ", "дорожной карты", school.headName!.split(" ")[0]!], fileName: `Приказ об утверждении дорожной карты ${year}-${year + 1}.pdf` },
      { title: "introduction order", route: await route("programDocuments"), url: `/${org}/program/documents/introduction-order?year=${year}`, params: { org, kind: "introduction-order" }, as: "director", expected: ["О внедрении целевой модели наставничества", school.headName!.split(" ")[0]!], fileName: `Приказ о внедрении целевой модели наставничества ${year}-${year + 1}.pdf` },
      { title: "regulation", route: await route("programDocuments"), url: `/${org}/program/documents/regulation?year=${year}`, params: { org, kind: "regulation" }, as: "director", expected: ["ПОЛОЖЕНИЕ", "наставничеств"], fileName: "Положение" },
      { title: "curator order", route: await route("programDocuments"), url: `/${org}/program/documents/curator-order?year=${year}`, params: { org, kind: "curator-order" }, as: "director", expected: ["куратор", school.headName!.split(" ")[0]!], fileName: "куратор" },
      { title: "consent", route: await route("consent"), url: `/${org}/people/consents/${consent.id}/document?purpose=PAIRS`, params: { org, consentId: consent.id }, as: "director", expected: [menteeName, school.inn!, "СОГЛАСИЕ"], fileName: "Согласие" },
      { title: "duties consent", route: await route("dutiesConsent"), url: `/${org}/mentors/${pair.mentorId}/duties-consent`, params: { org, mentorId: pair.mentorId }, as: "director", expected: [mentorName, "дополнительной работы"], fileName: "Согласие" },
      { title: "mentors' appointment order", route: await route("appointmentOrder"), url: `/${org}/mentors/appointment-order`, params: { org }, as: "director", expected: ["О назначении наставников", mentorName], fileName: "Приказ о назначении наставников.pdf" },
      { title: "pairs order", route: await route("pairsOrder"), url: `/${org}/pairs/orders/${order.id}`, params: { org, orderId: order.id }, as: "director", expected: ["О закреплении наставнических пар", mentorName, menteeName, "согласие на доп. работу"], fileName: `Приказ № ${order.number} о закреплении наставнических пар.pdf` },
      { title: "personalized program", route: await route("personalProgram"), url: `/${org}/pairs/${pair.id}/program/docx`, params: { org, pairId: pair.id }, as: "director", expected: ["Персонализированная программа наставничества", menteeName, "СОГЛАСОВАНО"], fileName: `Персонализированная программа наставничества — ${menteePerson.lastName}.pdf` },
      { title: "school report", route: await route("schoolReport"), url: `/${org}/monitoring/report?year=${year}`, params: { org }, as: "director", expected: ["Аналитическая справка", school.inn!, schoolName], fileName: `Аналитическая справка ${year}-${year + 1}` },
      { title: "district report", route: await route("districtReport"), url: `/${district.slug}/district/report?year=${year}`, params: { org: district.slug }, as: "methodist", expected: ["Аналитическая справка", district.inn!, district.ogrn!], fileName: `Аналитическая справка ${year}-${year + 1}` },
      { title: "personal data export", route: await route("personalData"), url: `/${org}/people/${menteePerson.id}/export`, params: { org, personId: menteePerson.id }, as: "director", expected: [menteeName, "о персональных данных", school.inn!], fileName: `Персональные данные — ${menteeName}.pdf` },
    ];

    const ask = (c: Case, query: string) => {
      session.user = c.as === "methodist" ? methodist : director;
      const url = `http://test${c.url}${c.url.includes("?") ? "&" : "?"}${query}`;
      return c.route(new Request(url), { params: Promise.resolve(c.params) });
    };
    const failures: string[] = [];
    for (const c of cases) {
      // The .docx stays what it was.
      const docx = await ask(c, "format=docx");
      expect(docx.status, c.title).toBe(200);
      expect(docx.headers.get("content-type"), c.title).toContain("wordprocessingml");
      expect(docx.headers.get("content-disposition"), c.title).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.docx"; filename\*=UTF-8''.+\.docx$/);

      const res = await ask(c, "format=pdf");
      if (!libreOffice()) {
        expect(res.status, c.title).toBe(503);
        expect(await res.text(), c.title).toBe(translator("ru")("errors.pdfUnavailable"));
        continue;
      }
      expect(res.status, `${c.title}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
      expect(res.headers.get("content-type"), c.title).toBe("application/pdf");
      expect(res.headers.get("cache-control"), c.title).toBe("no-store");
      const disposition = res.headers.get("content-disposition") ?? "";
      expect(disposition, c.title).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.pdf"; filename\*=UTF-8''/);
      const fileName = decodeURIComponent(disposition.split("''")[1] ?? "");
      expect(fileName, c.title).toMatch(/\.pdf$/);
      if (!fileName.includes(c.fileName)) failures.push(`${c.title}: file «${fileName}», expected «${c.fileName}»`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString("latin1"), c.title).toBe("%PDF-");
      // Running text reads line by line; a table's cell only through the table reading (its words sit on
      // lines shared with the other columns). Each expected text must be found in one of the two readings.
      const readings = [flat(await readPdfLines(bytes)), flat(await readPdfText(bytes))].map((t) => t.toLowerCase());
      for (const expected of c.expected) {
        if (!readings.some((t) => t.includes(flat(expected).toLowerCase()))) failures.push(`${c.title}: no «${expected}» in «${readings[0]!.slice(0, 300)}…»`);
      }

      // A format the route does not make: refused with a Russian text naming the parameter, no file.
      const bad = await ask(c, "format=xls");
      expect(bad.status, c.title).toBe(400);
      expect(bad.headers.get("content-disposition"), c.title).toBeNull();
      expect(await bad.text(), c.title).toMatch(/format/);
    }
    expect(failures).toEqual([]);
    // The personal-data export stays audited, in whichever format it was taken.
    const audits = await prisma.auditEvent.findMany({ where: { organizationId: school.id, action: "people.exportData", targetId: menteePerson.id }, select: { data: true } });
    expect(audits.map((a) => (a.data as { format: string }).format).sort()).toEqual(["docx", "pdf"]);
    session.user = null;
  });
});
