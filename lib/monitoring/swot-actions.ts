"use server";

import "server-only";

import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { WORKED_PAIR_STATUSES } from "../domain/pairs";
import { readSwotNotes, SWOT_QUADRANTS } from "../domain/swot";
import { SaveSwotInput } from "./swot-schemas";

/**
 * The curator's own SWOT lines of one form of mentoring (decision 049). They sit beside the computed lines, which
 * are not stored. A completed program is read-only; a form without a pair that worked has no SWOT to complete.
 */
export const saveSwot = defineAction({
  name: "monitoring.saveSwot",
  scope: "tenant",
  idempotent: true,
  permission: "program.manage",
  input: SaveSwotInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const program = await tx.mentoringProgram.findFirst({ where: { id: input.programId, organizationId }, select: { id: true, status: true, swotNotes: true } });
    if (!program) return refuse("NOT_FOUND", "notFound");
    if (program.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
    const worked = await tx.pair.count({ where: { organizationId, programId: program.id, form: input.form, status: { in: [...WORKED_PAIR_STATUSES] } } });
    if (worked === 0) return refuse("VALIDATION", "swotFormWithoutPairs", { form: "swotFormWithoutPairs" });
    const notes = readSwotNotes(program.swotNotes);
    notes[input.form] = { strengths: input.strengths, weaknesses: input.weaknesses, opportunities: input.opportunities, threats: input.threats };
    await tx.mentoringProgram.update({ where: { id: program.id }, data: { swotNotes: notes } });
    const lines = Object.fromEntries(SWOT_QUADRANTS.map((q) => [q, input[q].length]));
    return done({ programId: program.id }, { targetType: "MentoringProgram", targetId: program.id, data: { form: input.form, lines } });
  },
});
