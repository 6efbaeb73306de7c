import "server-only";
import { now } from "../clock";
import { todayIn } from "../domain/local-date";
// The school's own view of its public section (publication.manage): its state and texts, the approved
// acts that may be chosen, every news item, and which mentors the public page would show and why not.
import { readTenant, type TenantContext } from "../auth/tenant";
import { fullName } from "../domain/names";
import { actPublicationProblem, publicationRefusal } from "../domain/publication";
import { CONSENT_SELECT } from "../people/select";

export async function loadPublicationAdmin(ctx: TenantContext, at: Date = now()) {
  const organizationId = ctx.organization.id;
  const today = todayIn(ctx.organization.timeZone, at);
  return readTenant(ctx, async (tx) => {
    const [section, acts, news, mentors, practices] = await Promise.all([
      tx.publicSection.findUnique({ where: { organizationId }, select: { publishedAt: true, intro: true, contacts: true, updatedAt: true } }),
      tx.localAct.findMany({
        where: { organizationId, status: "APPROVED" },
        select: { id: true, kind: true, status: true, number: true, date: true, title: true, fileName: true, fileSize: true, publishedOnSite: true },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      }),
      tx.news.findMany({
        where: { organizationId },
        select: { id: true, title: true, body: true, publishedAt: true, updatedAt: true, author: { select: { name: true } } },
        orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      }),
      tx.mentorProfile.findMany({
        where: { organizationId },
        select: {
          id: true,
          status: true,
          person: { select: { id: true, lastName: true, firstName: true, middleName: true, position: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } } },
        },
        orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
      }),
      tx.bestPractice.count({ where: { organizationId, publishedOnSite: true } }),
    ]);
    return {
      section,
      acts: acts.map(({ status, ...a }) => ({ ...a, problem: actPublicationProblem({ kind: a.kind, status }) })),
      news,
      mentors: mentors
        .filter((m) => m.status !== "LEFT")
        .map((m) => ({
          id: m.id,
          personId: m.person.id,
          name: fullName(m.person),
          position: m.person.position,
          status: m.status,
          refusal: publicationRefusal({ status: m.status, person: { birthDate: m.person.birthDate, flaggedMinor: m.person.minor, active: m.person.active } }, m.person.consents, today),
        })),
      publishedPractices: practices,
    };
  });
}

export type PublicationAdmin = Awaited<ReturnType<typeof loadPublicationAdmin>>;
