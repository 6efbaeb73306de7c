"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { academicYearEnd, academicYearStart, formatAcademicYear } from "../domain/academic-year";
import { fullName } from "../domain/names";
import { staleMenteeWhere } from "../programs/facts";
import { translator } from "../i18n/translator";
import { completedProgramRefusal } from "./guard";
import { DeleteAwardInput, MarkFinalReportInput, RecordAwardInput, UpdateBanksInput } from "./schemas";

// Stage 7 (завершение наставничества): the ceremony's awards and letters of thanks, and the update of
// the mentee bank after the pairs ended. A completed program takes no more awards.

/**
 * Records an award of the program: for a person of the school who is (or was) in its banks — a mentor or
 * a mentee entry, whatever its status now — dated within the program's academic year.
 */
export const recordAward = defineAction({
  name: "awards.record",
  scope: "tenant",
  idempotent: true,
  permission: "completion.manage",
  input: RecordAwardInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await tx.mentoringProgram.findFirst({ where: { id: input.programId, organizationId }, select: { id: true, academicYear: true, status: true } });
    if (!program) return refuse("NOT_FOUND", "notFound");
    if (program.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
    const person = await tx.person.findFirst({
      where: { id: input.personId, organizationId },
      select: { id: true, lastName: true, firstName: true, middleName: true, menteeProfile: { select: { id: true } }, mentorProfile: { select: { id: true } } },
    });
    if (!person || (!person.menteeProfile && !person.mentorProfile)) return refuse("VALIDATION", "validation", { personId: "awardPersonNotParticipant" });
    const from = academicYearStart(program.academicYear);
    const to = academicYearEnd(program.academicYear);
    if (input.awardedOn < from || input.awardedOn > to) return refuse("VALIDATION", "validation", { awardedOn: "awardDateOutsideYear" });
    const award = await tx.award.create({
      data: {
        organizationId,
        programId: program.id,
        personId: person.id,
        kind: input.kind,
        title: input.title,
        awardedOn: input.awardedOn,
        basis: input.basis,
        createdById: ctx.user.id,
      },
      select: { id: true },
    });
    return done(
      { awardId: award.id },
      { targetType: "Award", targetId: award.id, data: { person: fullName(person), kind: input.kind, title: input.title, awardedOn: input.awardedOn.toISOString().slice(0, 10) } },
    );
  },
});

export const deleteAward = defineAction({
  name: "awards.delete",
  scope: "tenant",
  permission: "completion.manage",
  input: DeleteAwardInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const award = await tx.award.findFirst({ where: { id: input.awardId, organizationId }, select: { id: true, programId: true, title: true, personId: true } });
    if (!award) return refuse("NOT_FOUND", "notFound");
    const completed = await completedProgramRefusal(tx, organizationId, award.programId);
    if (completed) return completed;
    await tx.award.delete({ where: { id: award.id } });
    return done({ awardId: award.id }, { targetType: "Award", targetId: award.id, data: { title: award.title, personId: award.personId } });
  },
});

/**
 * «Обновить банки»: the mentee entries the stage 7 rule finds out of date (lib/programs/facts.ts
 * staleMenteeWhere: still PAIRED, a pair of this program ended, no approved or working pair left) are
 * updated — a mentee whose pair of this program was COMPLETED leaves the bank with the reason
 * «наставничество завершено» (the entry comes back when they are added again), unless the curator keeps
 * them waiting for a new mentor (keepWaiting); a mentee whose pairs were only DISSOLVED waits again.
 * Bank entries are the school's, not the program's: this also runs after the program is completed.
 */
export const updateBanks = defineAction({
  name: "completion.updateBanks",
  scope: "tenant",
  permission: "completion.manage",
  input: UpdateBanksInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await tx.mentoringProgram.findFirst({ where: { id: input.programId, organizationId }, select: { id: true, academicYear: true } });
    if (!program) return refuse("NOT_FOUND", "notFound");
    const where = staleMenteeWhere(organizationId, program.id);
    const stale = await tx.menteeProfile.findMany({
      where,
      select: { id: true, pairs: { where: { pair: { programId: program.id, status: "COMPLETED" } }, select: { id: true } } },
    });
    const keep = new Set(input.keepWaiting);
    const leaving = stale.filter((m) => m.pairs.length > 0 && !keep.has(m.id)).map((m) => m.id);
    const waiting = stale.filter((m) => !leaving.includes(m.id)).map((m) => m.id);
    // Stored with the entry, in Russian like every record (completion.bankLeftReason).
    const reason = translator("ru")("completion.bankLeftReason", { year: formatAcademicYear(program.academicYear) });
    // The same rule again in the update: an entry someone changed meanwhile is left as it is.
    const left = leaving.length ? (await tx.menteeProfile.updateMany({ where: { ...where, id: { in: leaving } }, data: { status: "LEFT", leftReason: reason } })).count : 0;
    const waits = waiting.length ? (await tx.menteeProfile.updateMany({ where: { ...where, id: { in: waiting } }, data: { status: "WAITING", leftReason: null } })).count : 0;
    return done({ left, waiting: waits }, { targetType: "MentoringProgram", targetId: program.id, data: { left: leaving, waiting } });
  },
});

/**
 * Marks the program's final report (MentoringProgram.finalReportAt, which the stage 7 gate reads): a POST
 * by the curator or director from the completion page. Producing the report (GET /[org]/monitoring/report)
 * only reads (decision 051); at stage 7 only, of an active program; marking again moves the date.
 */
export const markFinalReport = defineAction({
  name: "reports.markFinal",
  scope: "tenant",
  permission: "reports.produce",
  input: MarkFinalReportInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await tx.mentoringProgram.findFirst({ where: { id: input.programId, organizationId }, select: { id: true, academicYear: true, stage: true, status: true } });
    if (!program) return refuse("NOT_FOUND", "notFound");
    if (program.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
    if (program.stage !== 7) return refuse("CONFLICT", "finalReportStage");
    // The same conditions again in the update: a program moved meanwhile is left as it is.
    const { count } = await tx.mentoringProgram.updateMany({ where: { id: program.id, organizationId, stage: 7, status: "ACTIVE" }, data: { finalReportAt: now() } });
    if (count !== 1) return refuse("CONFLICT", "finalReportStage");
    return done({ programId: program.id }, { targetType: "MentoringProgram", targetId: program.id, data: { year: program.academicYear } });
  },
});
