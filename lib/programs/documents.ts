import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { OrderDocument, RoadmapDocument } from "../documents/types";
import { formatAcademicYear } from "../domain/academic-year";
import { initialsAndSurname } from "../domain/names";
import { approverPosition, documentAuthor, headSignatory } from "../domain/organization-profile";
import { basisPreamble, effectiveAudience } from "../domain/organization-words";
import { STAGES } from "../domain/stages";
import { loadRequisites } from "../organization/requisites";
import { russian, russianIn } from "../i18n/russian";

// Assembles the printable roadmap and the order approving it from the program's data; the head, the
// author's name, reference data and the place come from the organization's profile (lib/organization); the words,
// from the catalog (lib/i18n/russian/stage1-documents.json, programDocuments).

const say = russianIn("programDocuments");

async function loadDocumentData(ctx: TenantContext, academicYear: number) {
  return readTenant(ctx, async (tx) => {
    const program = await tx.mentoringProgram.findFirst({
      where: { organizationId: ctx.organization.id, academicYear },
      select: {
        id: true,
        academicYear: true,
        title: true,
        audience: true,
        curator: { select: { name: true } },
        coordinator: { select: { name: true } },
        activities: {
          select: { stage: true, title: true, content: true, dueText: true, responsibleText: true, responsibleUser: { select: { name: true } }, expectedResult: true },
          orderBy: [{ stage: "asc" }, { position: "asc" }],
        },
      },
    });
    if (!program) return null;
    const [requisites, head, approval] = await Promise.all([
      loadRequisites(tx, ctx.organization.id),
      // The profile names the head; only when it does not, the first director's account (as before profiles).
      tx.membership.findFirst({
        where: { organizationId: ctx.organization.id, role: ctx.organization.kind === "SCHOOL" ? "DIRECTOR" : "MUNICIPAL_HEAD" },
        select: { user: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      }),
      tx.localAct.findFirst({
        where: { organizationId: ctx.organization.id, programId: program.id, kind: "ROADMAP_APPROVAL" },
        select: { number: true, date: true, status: true, approvedAt: true },
        orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      }),
    ]);
    return { program, requisites, headSignature: headSignatory(requisites, head?.user.name), approval };
  });
}

export async function buildRoadmapDocument(ctx: TenantContext, academicYear: number): Promise<RoadmapDocument | null> {
  const data = await loadDocumentData(ctx, academicYear);
  if (!data) return null;
  const { program, requisites, headSignature, approval } = data;
  const approved = approval?.status === "APPROVED";
  return {
    ...documentAuthor(requisites),
    title: say("roadmapTitle", { organization: requisites.shortName ?? requisites.name, year: formatAcademicYear(program.academicYear) }),
    academicYear: formatAcademicYear(program.academicYear),
    approval: {
      approver: { position: approverPosition(requisites), initialsAndSurname: headSignature.initialsAndSurname },
      date: approved ? (approval.date ?? approval.approvedAt) : null,
      orderNumber: approved ? approval.number : null,
      orderDate: approved ? approval.date : null,
    },
    stages: STAGES.map((s) => ({
      number: s.number,
      title: s.title,
      activities: program.activities
        .filter((a) => a.stage === s.number)
        .map((a, i) => ({
          number: `${s.number}.${i + 1}`,
          title: a.title,
          content: a.content,
          due: a.dueText,
          responsible: [a.responsibleUser?.name, a.responsibleText].filter(Boolean).join(", "),
          result: a.expectedResult,
        })),
    })).filter((s) => s.activities.length > 0),
    signatory: program.curator ? { position: say("roadmapSignatory"), initialsAndSurname: initialsAndSurname(program.curator.name) } : null,
    executor: program.curator ? { name: program.curator.name } : null,
  };
}

export async function buildRoadmapOrder(ctx: TenantContext, academicYear: number): Promise<OrderDocument | null> {
  const data = await loadDocumentData(ctx, academicYear);
  if (!data) return null;
  const { program, requisites, headSignature, approval } = data;
  const year = formatAcademicYear(program.academicYear);
  const curator = program.curator ? initialsAndSurname(program.curator.name) : null;
  const items = [
    say("order.approveRoadmap", { year }),
    ...(curator ? [say("order.appointCurator", { curator }), say("order.curatorDuties", { curator })] : []),
    russian("stage1Documents.closingItem"),
  ];
  return {
    ...documentAuthor(requisites),
    number: approval?.number ?? null,
    date: approval?.date ?? null,
    title: say("order.title", { year }),
    // The basis that fits the program: the 2021 recommendations for teachers, Р-145 for students (issue #15 item 3).
    preamble: basisPreamble(effectiveAudience(requisites.schoolKind, program.audience), say("order.purpose")),
    items,
    signatory: headSignature,
    attachment: say("order.attachment", { year }),
    executor: program.curator ? { name: program.curator.name } : null,
    acquainted: [program.curator?.name, program.coordinator?.name].filter((n): n is string => Boolean(n)),
  };
}

