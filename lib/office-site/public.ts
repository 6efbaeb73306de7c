import "server-only";
import { now } from "../clock";
import { publicCommunitiesIn, type PublicCommunity } from "../communities/public";
import { todayIn } from "../domain/local-date";
import { findPublicOffice, inPublishedSection, publishedNews, UUID, type PublicFile, type PublicOptions, type PublicOrganization } from "../publication/public";

// What the public «Наставничество» section of a municipal office shows (issue #17 item 5, docs/decisions/060), read for
// visitors who are not signed in, in the office's own scope: its documents marked for the site, its news, and of its
// schools only what they published themselves — the schools whose section is published and the best practices they
// marked for their sites, through office_public_schools() / office_public_practices() (SECURITY DEFINER, migration
// 20261207030000): no wider policy on a school's tables. No mentee, no mentor, no person at all.

type SchoolRow = { slug: string; name: string; short_name: string | null };
type PracticeRow = { id: string; school_slug: string; school_name: string; kind: "CASE" | "MATERIAL"; title: string; summary: string; has_file: boolean; updated_at: Date };

/** A row of the «Совет наставников» block: the office's district communities (issue #17 item 2, decision 059). */
export type CouncilEntry = PublicCommunity;

/** The office's whole section for its front page, or null (404): unknown slug, a school, not published. */
export async function loadOfficePublicSection(slug: string, options: PublicOptions = {}) {
  const at = options.at ?? now();
  return inPublishedSection(
    slug,
    options,
    async (tx, office: PublicOrganization, section) => {
      const organizationId = office.id;
      const [documents, news, schools, practices, council] = await Promise.all([
        tx.officeDocument.findMany({
          where: { organizationId, publishedOnSite: true },
          select: { id: true, kind: true, title: true, number: true, issuedOn: true, fileName: true, fileSize: true },
          orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
        }),
        tx.news.findMany({ where: publishedNews(organizationId, at), select: { id: true, title: true, body: true, publishedAt: true }, orderBy: { publishedAt: "desc" }, take: 20 }),
        tx.$queryRaw<SchoolRow[]>`SELECT * FROM office_public_schools(${organizationId}::uuid)`,
        tx.$queryRaw<PracticeRow[]>`SELECT * FROM office_public_practices(${organizationId}::uuid)`,
        publicCommunitiesIn(tx, organizationId, todayIn(office.timeZone, at)),
      ]);
      return {
        office: { slug: office.slug, name: office.name, shortName: office.shortName, timeZone: office.timeZone },
        section: { published: section.publishedAt !== null, intro: section.intro, contacts: section.contacts },
        documents,
        news: news.map((n) => ({ ...n, publishedAt: n.publishedAt! })),
        schools: schools.map((s) => ({ slug: s.slug, name: s.short_name ?? s.name })),
        practices: practices.map((p) => ({ id: p.id, school: { slug: p.school_slug, name: p.school_name }, kind: p.kind, title: p.title, summary: p.summary, hasFile: p.has_file })),
        council,
      };
    },
    findPublicOffice,
  );
}

export type OfficePublicSection = NonNullable<Awaited<ReturnType<typeof loadOfficePublicSection>>>;

/** The file of an office's document published on the site of its published section, or null (404). */
export async function loadPublishedOfficeDocumentFile(slug: string, officeDocumentId: string, options: PublicOptions = {}): Promise<PublicFile | null> {
  if (!UUID.test(officeDocumentId)) return null;
  return inPublishedSection(
    slug,
    options,
    async (tx, office) => {
      const document = await tx.officeDocument.findFirst({ where: { id: officeDocumentId, organizationId: office.id, publishedOnSite: true }, select: { fileName: true, fileType: true, fileData: true } });
      return document ? { name: document.fileName, type: document.fileType, data: new Uint8Array(document.fileData) } : null;
    },
    findPublicOffice,
  );
}
