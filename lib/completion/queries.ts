import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import { fullName } from "../domain/names";
import { finalReportProducedAt, loadCompletionFacts, staleMenteeWhere } from "../programs/facts";

// The program's completion page (stage 7): the checklist with what is there already, the awards, the
// mentees the bank still shows «в паре» after their pairs ended, and whom an award may be given to.

const NAME = { lastName: true, firstName: true, middleName: true } as const;

export async function getCompletionOverview(ctx: TenantContext, programId: string) {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const [facts, surveys, cases, awards, stale, candidates, reportAt] = await Promise.all([
      loadCompletionFacts(tx, organizationId, programId),
      tx.questionnaire.findMany({
        where: { organizationId, programId, kind: { in: ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR", "ASSESSMENT_BEFORE", "ASSESSMENT_AFTER"] } },
        select: { id: true, kind: true, title: true, status: true, closedAt: true, _count: { select: { recipients: { where: { answeredAt: { not: null } } } } } },
        orderBy: [{ createdAt: "desc" }],
      }),
      tx.bestPractice.findMany({ where: { organizationId, programId, kind: "CASE" }, select: { id: true, title: true, sharedWithDistrict: true }, orderBy: { createdAt: "desc" } }),
      tx.award.findMany({
        where: { organizationId, programId },
        select: { id: true, kind: true, title: true, awardedOn: true, basis: true, person: { select: NAME } },
        orderBy: [{ awardedOn: "desc" }, { createdAt: "desc" }],
      }),
      tx.menteeProfile.findMany({
        where: staleMenteeWhere(organizationId, programId),
        select: { id: true, person: { select: NAME }, pairs: { where: { pair: { programId, status: "COMPLETED" } }, select: { id: true } } },
        orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
      }),
      // Whom an award may go to: people of the school in its banks (mentors and mentees, also those who left).
      tx.person.findMany({
        where: { organizationId, OR: [{ mentorProfile: { isNot: null } }, { menteeProfile: { isNot: null } }] },
        select: { id: true, ...NAME, mentorProfile: { select: { id: true } }, menteeProfile: { select: { id: true } } },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      }),
      finalReportProducedAt(tx, organizationId, programId),
    ]);
    return {
      facts,
      surveys: surveys.map((s) => ({ id: s.id, kind: s.kind, title: s.title, status: s.status, closedAt: s.closedAt, answered: s._count.recipients })),
      cases,
      awards: awards.map((a) => ({ id: a.id, kind: a.kind, title: a.title, awardedOn: a.awardedOn, basis: a.basis, name: fullName(a.person) })),
      staleMentees: stale.map((s) => ({ id: s.id, name: fullName(s.person), completedPair: s.pairs.length > 0 })),
      candidates: candidates.map((p) => ({ id: p.id, name: fullName(p), mentor: Boolean(p.mentorProfile), mentee: Boolean(p.menteeProfile) })),
      finalReportAt: reportAt,
    };
  });
}
export type CompletionOverview = Awaited<ReturnType<typeof getCompletionOverview>>;
