import "server-only";
import { readTenant, type TenantContext, type TenantOrganization } from "../auth/tenant";
import type { Prisma } from "../db";
import { fullName } from "../domain/names";

// Reads of the методическая копилка. What is visible: the organization's own entries, and the entries
// the district's schools shared (sharedWithDistrict) — for a school, those of the other schools of its
// municipality; for the municipal office, those of all its schools. The row-level-security policy
// (best_practice_district_read) enforces the same; this filter says it explicitly.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function visiblePracticesWhere(org: Pick<TenantOrganization, "id" | "kind" | "parentId">): Prisma.BestPracticeWhereInput {
  const district = org.kind === "SCHOOL" ? org.parentId : org.id;
  return {
    OR: [{ organizationId: org.id }, ...(district ? [{ sharedWithDistrict: true, organization: { parentId: district } }] : [])],
  };
}

const LIST_SELECT = {
  id: true,
  organizationId: true,
  kind: true,
  title: true,
  summary: true,
  tags: true,
  fileName: true,
  sharedWithDistrict: true,
  publishedOnSite: true,
  createdAt: true,
  updatedAt: true,
  organization: { select: { name: true, shortName: true } },
  author: { select: { name: true } },
  program: { select: { academicYear: true } },
} satisfies Prisma.BestPracticeSelect;

type Row = Prisma.BestPracticeGetPayload<{ select: typeof LIST_SELECT }>;

/** What a page shows of an entry: another school's entries carry the school's name, not the author's. */
function view(ctx: TenantContext, row: Row) {
  const own = row.organizationId === ctx.organization.id;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    fileName: row.fileName,
    sharedWithDistrict: row.sharedWithDistrict,
    publishedOnSite: row.publishedOnSite,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    academicYear: row.program?.academicYear ?? null,
    own,
    school: row.organization.shortName ?? row.organization.name,
    author: own ? row.author.name : null,
  };
}
export type PracticeView = ReturnType<typeof view>;

/** The library, newest first, optionally of one tag (case-insensitive) or one kind; with every tag in use. */
export async function listPractices(ctx: TenantContext, filters: { tag?: string; kind?: "CASE" | "MATERIAL"; scope?: "own" | "district" } = {}) {
  return readTenant(ctx, async (tx) => {
    const base = visiblePracticesWhere(ctx.organization);
    const rows = await tx.bestPractice.findMany({
      where: {
        AND: [
          base,
          filters.kind ? { kind: filters.kind } : {},
          filters.scope === "own" ? { organizationId: ctx.organization.id } : filters.scope === "district" ? { organizationId: { not: ctx.organization.id } } : {},
        ],
      },
      select: LIST_SELECT,
      orderBy: [{ createdAt: "desc" }],
      take: 500,
    });
    const tagged = filters.tag ? rows.filter((r) => r.tags.some((t) => t.toLowerCase() === filters.tag!.toLowerCase())) : rows;
    const tags = new Map<string, string>();
    for (const r of rows) for (const t of r.tags) if (!tags.has(t.toLowerCase())) tags.set(t.toLowerCase(), t);
    return { practices: tagged.map((r) => view(ctx, r)), tags: [...tags.values()].sort((a, b) => a.localeCompare(b, "ru")) };
  });
}

/** One entry for its page (null → 404): the body; for the own school also the pair's form it was written from. */
export async function getPractice(ctx: TenantContext, practiceId: string) {
  if (!UUID.test(practiceId)) return null;
  return readTenant(ctx, async (tx) => {
    const row = await tx.bestPractice.findFirst({
      where: { AND: [{ id: practiceId }, visiblePracticesWhere(ctx.organization)] },
      select: { ...LIST_SELECT, body: true, pairId: true },
    });
    if (!row) return null;
    const base = view(ctx, row);
    const pair =
      base.own && row.pairId
        ? await tx.pair.findFirst({ where: { id: row.pairId, organizationId: ctx.organization.id }, select: { form: true, type: true, direction: true } })
        : null;
    return { ...base, body: row.body, pair };
  });
}

/** The file of a visible entry, for the download route. */
export async function getPracticeFile(ctx: TenantContext, practiceId: string) {
  if (!UUID.test(practiceId)) return null;
  return readTenant(ctx, (tx) =>
    tx.bestPractice.findFirst({
      where: { AND: [{ id: practiceId }, visiblePracticesWhere(ctx.organization)] },
      select: { fileName: true, fileType: true, fileData: true },
    }),
  );
}

/** Completed pairs of the school a case may be written from: mentor — mentees, form, academic year. */
export async function listCompletedPairs(ctx: TenantContext) {
  const NAME = { select: { lastName: true, firstName: true, middleName: true } } as const;
  const rows = await readTenant(ctx, (tx) =>
    tx.pair.findMany({
      where: { organizationId: ctx.organization.id, status: "COMPLETED" },
      select: {
        id: true,
        form: true,
        direction: true,
        closedAt: true,
        program: { select: { academicYear: true } },
        mentor: { select: { person: NAME } },
        mentees: { select: { mentee: { select: { person: NAME } } } },
      },
      orderBy: [{ closedAt: "desc" }],
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    academicYear: r.program.academicYear,
    people: `${fullName(r.mentor.person)} — ${r.mentees.map((m) => fullName(m.mentee.person)).join(", ")}`,
    form: r.form,
    direction: r.direction,
  }));
}
