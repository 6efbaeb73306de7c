import "server-only";
import { now } from "../clock";
import { todayIn } from "../domain/local-date";
// What the public «Наставничество» section of a school shows, read for visitors who are not signed in.
// The school is found by its slug (the Organization table is readable); everything else is read in that
// school's tenant scope and only what is published: the section itself, the acts chosen for the site, news
// with a publication date that has come, best practices marked for the site, and mentors with a valid
// consent to publication. Mentees are never read here; programs are read as counts only.
import type { Tx } from "../db";
import { withDb } from "../db";
import { COMPETENCY_TAGS } from "../domain/banks";
import { allowedPublicFields } from "../domain/consent";
import { fullName } from "../domain/names";
import { PUBLIC_SLUG, publicationRefusal } from "../domain/publication";
import { CONSENT_SELECT } from "../people/select";

export type PublicSchool = { id: string; slug: string; name: string; shortName: string | null; address: string | null; timeZone: string };
/** A school or an office keeping a public section (an office's: decision 060). */
export type PublicOrganization = PublicSchool & { kind: "SCHOOL" | "MUNICIPALITY" | "REGION" };

/** Options of every loader: `preview` lets a school's own manager see the section before it is published. */
export type PublicOptions = { preview?: boolean; at?: Date };

/** The school of a public slug; null for unknown slugs and for organizations that are not schools. */
export async function findPublicSchool(slug: string): Promise<PublicSchool | null> {
  if (!PUBLIC_SLUG.test(slug)) return null;
  return withDb({}, (tx) =>
    tx.organization.findFirst({ where: { slug, kind: "SCHOOL" }, select: { id: true, slug: true, name: true, shortName: true, address: true, timeZone: true } }),
  );
}

/** The organization of a public slug, a school or an office; null for unknown slugs. */
export async function findPublicOrganization(slug: string): Promise<PublicOrganization | null> {
  if (!PUBLIC_SLUG.test(slug)) return null;
  return withDb({}, (tx) =>
    tx.organization.findFirst({ where: { slug }, select: { id: true, kind: true, slug: true, name: true, shortName: true, address: true, timeZone: true } }),
  );
}

/** The office of a public slug (a municipality or a region); null for schools and unknown slugs. */
export async function findPublicOffice(slug: string): Promise<PublicOrganization | null> {
  const found = await findPublicOrganization(slug);
  return found && found.kind !== "SCHOOL" ? found : null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs fn in the school's scope when its section is published (or previewed); null otherwise. */
export async function inPublishedSection<T, O extends PublicSchool = PublicSchool>(
  slug: string,
  options: PublicOptions,
  fn: (tx: Tx, school: O, section: SectionRow) => Promise<T | null>,
  find: (slug: string) => Promise<O | null> = findPublicSchool as (slug: string) => Promise<O | null>,
): Promise<T | null> {
  const school = await find(slug);
  if (!school) return null;
  return withDb({ organizationId: school.id }, async (tx) => {
    const row = await tx.publicSection.findUnique({ where: { organizationId: school.id }, select: { publishedAt: true, intro: true, contacts: true } });
    if (!row?.publishedAt && !options.preview) return null;
    return fn(tx, school, row ?? { publishedAt: null, intro: null, contacts: null });
  });
}

type SectionRow = { publishedAt: Date | null; intro: string | null; contacts: string | null };

/** Approved mentors shown publicly: name, position, subjects, competency labels — nothing else. */
/** `today`: the calendar date in the school's zone (consents are by calendar day). */
async function publicMentors(tx: Tx, organizationId: string, today: Date) {
  const rows = await tx.mentorProfile.findMany({
    where: { organizationId, status: "APPROVED", person: { active: true } },
    select: {
      id: true,
      status: true,
      competencies: true,
      person: {
        select: {
          lastName: true, firstName: true, middleName: true, position: true, subjects: true, birthDate: true, minor: true, active: true,
          consents: { select: CONSENT_SELECT },
        },
      },
    },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
  });
  // Only what each mentor's consent to dissemination allows (152-ФЗ art. 10.1); no name allowed, not listed.
  return rows.flatMap((m) => {
    const subject = { birthDate: m.person.birthDate, flaggedMinor: m.person.minor };
    if (publicationRefusal({ status: m.status, person: { ...subject, active: m.person.active } }, m.person.consents, today) !== null) return [];
    const allowed = allowedPublicFields(subject, m.person.consents, today);
    if (!allowed.has("NAME")) return [];
    return [{
      id: m.id,
      name: fullName(m.person),
      position: allowed.has("POSITION") ? m.person.position : null,
      subjects: allowed.has("SUBJECTS") ? m.person.subjects : [],
      competencies: allowed.has("COMPETENCIES")
        ? // Keys of the vocabulary (vocabulary.competency…), worded by the page; a tag it does not know is left out.
          m.competencies.filter((c) => Object.hasOwn(COMPETENCY_TAGS, c))
        : [],
    }];
  });
}

/** Programs in summary: title, year, stage, and counts of pairs, mentors and personalized programs. */
async function publicPrograms(tx: Tx, organizationId: string) {
  const [programs, pairs] = await Promise.all([
    tx.mentoringProgram.findMany({ where: { organizationId }, select: { id: true, title: true, academicYear: true, stage: true, status: true }, orderBy: { academicYear: "desc" } }),
    // Pairs secured by an order (approved, working or completed); only ids are read.
    tx.pair.findMany({
      where: { organizationId, status: { in: ["APPROVED", "ACTIVE", "COMPLETED"] } },
      select: { programId: true, mentorId: true, personalProgram: { select: { id: true } } },
    }),
  ]);
  return programs.map((p) => {
    const own = pairs.filter((x) => x.programId === p.id);
    return {
      id: p.id,
      title: p.title,
      academicYear: p.academicYear,
      stage: p.stage,
      completed: p.status === "COMPLETED",
      pairs: own.length,
      mentors: new Set(own.map((x) => x.mentorId)).size,
      personalPrograms: own.filter((x) => x.personalProgram).length,
    };
  });
}

const publishedActs = (organizationId: string) => ({ organizationId, publishedOnSite: true, status: "APPROVED" as const, kind: { not: "PAIRS_ORDER" as const } });
export const publishedNews = (organizationId: string, at: Date) => ({ organizationId, publishedAt: { not: null, lte: at } });
const publishedPractices = (organizationId: string) => ({ organizationId, publishedOnSite: true });

/** The whole section for its front page, or null (404): unknown slug, not a school, not published. */
export async function loadPublicSection(slug: string, options: PublicOptions = {}) {
  const at = options.at ?? now();
  return inPublishedSection(slug, options, async (tx, school, section) => {
    const organizationId = school.id;
    const [programs, documents, mentors, news, practices] = await Promise.all([
      publicPrograms(tx, organizationId),
      tx.localAct.findMany({
        where: publishedActs(organizationId),
        select: { id: true, kind: true, number: true, date: true, title: true, fileName: true, fileSize: true },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      }),
      publicMentors(tx, organizationId, todayIn(school.timeZone, at)),
      tx.news.findMany({ where: publishedNews(organizationId, at), select: { id: true, title: true, body: true, publishedAt: true }, orderBy: { publishedAt: "desc" }, take: 20 }),
      tx.bestPractice.findMany({
        where: publishedPractices(organizationId),
        select: { id: true, kind: true, title: true, summary: true, body: true, fileName: true, updatedAt: true },
        orderBy: { updatedAt: "desc" },
      }),
    ]);
    return {
      school: { slug: school.slug, name: school.name, shortName: school.shortName, address: school.address, timeZone: school.timeZone },
      section: { published: section.publishedAt !== null, publishedAt: section.publishedAt, intro: section.intro, contacts: section.contacts },
      programs,
      documents: documents.map(({ fileName, fileSize, ...d }) => ({ ...d, file: fileName ? { name: fileName, size: fileSize } : null })),
      mentors,
      news: news.map((n) => ({ ...n, publishedAt: n.publishedAt! })),
      practices: practices.map(({ fileName, ...p }) => ({ ...p, file: fileName ? { name: fileName } : null })),
    };
  });
}

export type PublicSectionData = NonNullable<Awaited<ReturnType<typeof loadPublicSection>>>;

/** The school's or the office's name and the section's state only (for the layout and the page metadata). */
export async function loadPublicSectionHead(slug: string, options: PublicOptions = {}) {
  return inPublishedSection(
    slug,
    options,
    async (_tx, org, section) => ({
      school: { slug: org.slug, name: org.name, shortName: org.shortName, address: org.address, kind: org.kind },
      section: { published: section.publishedAt !== null, intro: section.intro },
    }),
    findPublicOrganization,
  );
}

/** One published news item of a published section, or null. */
export async function loadPublicNews(slug: string, newsId: string, options: PublicOptions = {}) {
  if (!UUID.test(newsId)) return null;
  const at = options.at ?? now();
  return inPublishedSection(slug, options, async (tx, school) => {
    // A school's or an office's news (decision 060): the same table, in the organization's own scope.
    const news = await tx.news.findFirst({ where: { id: newsId, ...publishedNews(school.id, at) }, select: { id: true, title: true, body: true, publishedAt: true } });
    return news ? { school: { slug: school.slug, name: school.name, shortName: school.shortName, timeZone: school.timeZone }, news: { ...news, publishedAt: news.publishedAt! } } : null;
  }, findPublicOrganization);
}

export type PublicFile = { name: string; type: string; data: Uint8Array };

/** The file of an act published on the site of a published section, or null (404). */
export async function loadPublishedActFile(slug: string, actId: string, options: PublicOptions = {}): Promise<PublicFile | null> {
  if (!UUID.test(actId)) return null;
  return inPublishedSection(slug, options, async (tx, school) => {
    const act = await tx.localAct.findFirst({ where: { id: actId, ...publishedActs(school.id) }, select: { fileName: true, fileType: true, fileData: true } });
    return act?.fileData && act.fileName ? { name: act.fileName, type: act.fileType ?? "application/octet-stream", data: new Uint8Array(act.fileData) } : null;
  });
}

/** The file of a best practice published on the site of a published section, or null (404). */
export async function loadPublishedPracticeFile(slug: string, practiceId: string, options: PublicOptions = {}): Promise<PublicFile | null> {
  if (!UUID.test(practiceId)) return null;
  return inPublishedSection(slug, options, async (tx, school) => {
    // The school's own rows only: the district read policy would also show other schools' shared cases.
    const practice = await tx.bestPractice.findFirst({ where: { id: practiceId, ...publishedPractices(school.id) }, select: { fileName: true, fileType: true, fileData: true } });
    return practice?.fileData && practice.fileName ? { name: practice.fileName, type: practice.fileType ?? "application/octet-stream", data: new Uint8Array(practice.fileData) } : null;
  });
}
