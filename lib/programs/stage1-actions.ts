"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { unknownPlaceholders } from "../domain/regulation-template";
import { missingLines, PACK_KINDS, type PackKind } from "../domain/stage1-pack";
import { translator } from "../i18n/translator";
import { loadPackData, packActTitle, packMissing } from "./stage1-documents";
import { PrepareStage1Input, SaveRegulationInput } from "./stage1-schemas";

// The stage-1 pack (issue #15 items 1 and 4): the curator (or the head) prepares it — the three acts are
// registered for the program with their numbers, dates and the Положение's agreement chain — and edits the
// Положение's text; the head approves each act on the local acts page (acts.approve), where the signed scan
// is attached (acts.attachFile). An approved act is not changed here: a new edition is a new act.

export const prepareStage1Pack = defineAction({
  name: "acts.prepareStage1",
  scope: "tenant",
  idempotent: true,
  permission: "acts.register",
  input: PrepareStage1Input,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const data = await loadPackData(tx, organizationId, { programId: input.programId });
    if (!data) return refuse("NOT_FOUND", "notFound");
    if (data.program.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
    await tx.mentoringProgram.update({ where: { id: data.program.id }, data: { workingGroup: input.workingGroup } });
    data.program.workingGroup = input.workingGroup;
    // A pack with a missing requisite is not registered: the fields to fill, where.
    const missing = packMissing(data);
    if (missing.length > 0) {
      const t = translator(ctx.user.locale ?? "ru");
      return refuse("VALIDATION", "packMissingRequisites", undefined, { details: missingLines(missing, (key) => t(`stage1.${key}` as never)) });
    }

    const chain = {
      agreedBy: input.agreedBy,
      agreedProtocol: input.agreedBy ? input.agreedProtocol : null,
      agreedDate: input.agreedBy ? input.agreedDate : null,
      adoptedBy: input.adoptedBy,
      adoptedProtocol: input.adoptedBy ? input.adoptedProtocol : null,
      adoptedDate: input.adoptedBy ? input.adoptedDate : null,
    };
    const fields: Record<PackKind, Record<string, unknown>> = {
      MODEL_INTRODUCTION: { number: input.introNumber, date: input.introDate },
      // Approved by the introduction order: its number and date.
      REGULATION: { number: input.introNumber, date: input.introDate, ...chain },
      CURATOR_APPOINTMENT: { number: input.curatorNumber, date: input.curatorDate },
    };
    const acts: Partial<Record<PackKind, string>> = {};
    const kept: PackKind[] = [];
    for (const kind of PACK_KINDS) {
      const existing = data.acts[kind];
      const title = packActTitle(data, kind);
      if (existing?.status === "APPROVED") {
        kept.push(kind);
        acts[kind] = existing.id;
        continue;
      }
      if (existing) {
        await tx.localAct.updateMany({ where: { id: existing.id, organizationId, status: "REGISTERED" }, data: { ...fields[kind], title } });
        acts[kind] = existing.id;
      } else {
        const created = await tx.localAct.create({
          data: { organizationId, programId: data.program.id, kind, title, registeredById: ctx.user.id, ...fields[kind] },
          select: { id: true },
        });
        acts[kind] = created.id;
      }
    }
    return done({ acts, kept }, { targetType: "MentoringProgram", targetId: data.program.id, data: { pack: "stage1", acts, kept } });
  },
});

export const saveRegulationText = defineAction({
  name: "programs.saveRegulation",
  scope: "tenant",
  permission: "program.manage",
  input: SaveRegulationInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const data = await loadPackData(tx, organizationId, { programId: input.programId });
    if (!data) return refuse("NOT_FOUND", "notFound");
    if (data.program.status === "COMPLETED") return refuse("CONFLICT", "programCompleted");
    // The approved Положение is what the head signed: a change is a new edition (a new act).
    if (data.acts.REGULATION?.status === "APPROVED" || data.acts.MODEL_INTRODUCTION?.status === "APPROVED") return refuse("CONFLICT", "regulationApproved");
    const text = input.text.replace(/\r\n?/g, "\n").trim();
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) {
      const values = { names: unknown.map((n) => `{${n}}`).join(", ") };
      return refuse("VALIDATION", "regulationUnknownPlaceholders", { text: "regulationUnknownPlaceholders" }, { values, fieldValues: { text: values } });
    }
    await tx.mentoringProgram.update({ where: { id: data.program.id }, data: { regulationText: text ? text : null } });
    return done({ programId: data.program.id, reset: !text }, { targetType: "MentoringProgram", targetId: data.program.id, data: { regulation: text ? "edited" : "default", length: text.length } });
  },
});
