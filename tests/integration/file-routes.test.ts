import { describe, expect, it, vi } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { setupTestDatabase } from "../setup/database";
import { signedIn } from "../setup/signed-in";

// The four routes that hand back a file someone uploaded — an act, a consent's scan, a material, a mentor's
// consent to the additional duties — answer through the one attachment helper (lib/http/attachment.ts):
// the bytes as stored, the person's file name in filename* with an ASCII fallback, never sniffed, sandboxed,
// never cached. Another school's director gets no file.
vi.mock("../../lib/auth/session", async () => (await import("../setup/signed-in")).signedInSessionModule);
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers({ host: "nastavnik.test" }) }));

const db = setupTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("uploaded files", () => {
  it("each file route answers the stored bytes as an attachment with the person's file name; another school gets nothing", { timeout: 300_000 }, async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
    const prisma = db().prisma;
    await seedDemo(prisma);
    const school = await prisma.organization.findUniqueOrThrow({ where: { slug: "kovalevskaya-oosh" } });
    const user = async (email: string) => {
      const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
      return { ...u, name: u.name ?? "", locale: "ru" as const };
    };
    const director = await user("director@kovalevskaya.demo");
    const stranger = await user("director@sosh20.demo");
    const bytes = (label: string) => new Uint8Array(Buffer.from(`%PDF-1.4 ${label} \u0000\u00ff`, "latin1"));

    const act = await prisma.localAct.findFirstOrThrow({ where: { organizationId: school.id } });
    await prisma.localAct.update({ where: { id: act.id }, data: { fileName: "Положение о наставничестве.pdf", fileType: "application/pdf", fileData: bytes("act") } });
    const consent = await prisma.consent.findFirstOrThrow({ where: { organizationId: school.id } });
    await prisma.consent.update({ where: { id: consent.id }, data: { fileName: "Согласие «скан».pdf", fileType: "application/pdf", fileData: bytes("consent") } });
    const mentor = await prisma.mentorProfile.findFirstOrThrow({ where: { organizationId: school.id } });
    await prisma.mentorProfile.update({ where: { id: mentor.id }, data: { dutiesConsentFileName: "Согласие на доп. работу.pdf", dutiesConsentFileType: "application/pdf", dutiesConsentFileData: bytes("duties") } });
    const practice = await prisma.bestPractice.create({
      data: { organizationId: school.id, kind: "CASE", title: "Кейс", summary: "Кратко", authorId: director.id, fileName: "Кейс: первый урок.pdf", fileType: "application/pdf", fileData: bytes("practice") },
    });

    const org = school.slug;
    const cases: { route: Handler; url: string; params: Record<string, string>; name: string; ascii: string; label: string }[] = [
      { route: (await import("../../app/(app)/[org]/acts/[actId]/file/route")).GET as unknown as Handler, url: `/${org}/acts/${act.id}/file`, params: { org, actId: act.id }, name: "Положение о наставничестве.pdf", ascii: "act", label: "act" },
      { route: (await import("../../app/(app)/[org]/people/consents/[consentId]/file/route")).GET as unknown as Handler, url: `/${org}/people/consents/${consent.id}/file`, params: { org, consentId: consent.id }, name: "Согласие «скан».pdf", ascii: "consent", label: "consent" },
      { route: (await import("../../app/(app)/[org]/mentors/[mentorId]/duties-consent/file/route")).GET as unknown as Handler, url: `/${org}/mentors/${mentor.id}/duties-consent/file`, params: { org, mentorId: mentor.id }, name: "Согласие на доп. работу.pdf", ascii: "duties-consent", label: "duties" },
      { route: (await import("../../app/(app)/[org]/practices/[practiceId]/file/route")).GET as unknown as Handler, url: `/${org}/practices/${practice.id}/file`, params: { org, practiceId: practice.id }, name: "Кейс: первый урок.pdf", ascii: "material", label: "practice" },
    ];
    for (const c of cases) {
      signedIn.user = director;
      const res = await c.route(new Request(`http://nastavnik.test${c.url}`), { params: Promise.resolve(c.params) });
      expect(res.status, c.url).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer()), c.url).toEqual(bytes(c.label));
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${c.ascii}"; filename*=UTF-8''${encodeURIComponent(c.name)}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
      expect(res.headers.get("cache-control")).toBe("no-store");

      signedIn.user = stranger;
      const refused = await c.route(new Request(`http://nastavnik.test${c.url}`), { params: Promise.resolve(c.params) }).then(
        (r) => r.status,
        (error: unknown) => (error as { digest?: string }).digest ?? String(error),
      );
      expect(String(refused), `${c.url} as another school's director`).toMatch(/^(403|404|NEXT_HTTP_ERROR_FALLBACK;40[34])$/);
    }
  });
});
