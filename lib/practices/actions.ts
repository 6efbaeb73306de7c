"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import type { Tx } from "../db";
import { AttachPracticeFileInput, DeletePracticeInput, practiceFileType, SavePracticeInput, SetPracticeSharingInput } from "./schemas";

// The методическая копилка: the organization writes its own cases and materials; what other schools of
// the district shared is read-only here (RLS lets them read it, never write it).

/** One of the organization's own entries (another school's shared entry is not found for writing). */
function ownPractice(tx: Tx, organizationId: string, practiceId: string) {
  return tx.bestPractice.findFirst({ where: { id: practiceId, organizationId }, select: { id: true, kind: true, title: true } });
}

/**
 * Creates or edits a case or a material. A case is created from a completed pair of the school (its
 * program's case for stage 7); nothing is copied from the pair — in particular none of the mentees'
 * difficulties: the author writes what may be shared.
 */
export const savePractice = defineAction({
  name: "practices.save",
  scope: "tenant",
  idempotent: true,
  permission: "practices.manage",
  input: SavePracticeInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const text = { title: input.title, summary: input.summary, body: input.body, tags: input.tags };
    if (input.practiceId) {
      const existing = await ownPractice(tx, organizationId, input.practiceId);
      if (!existing) return refuse("NOT_FOUND", "notFound");
      await tx.bestPractice.update({ where: { id: existing.id }, data: text });
      return done({ practiceId: existing.id, created: false }, { targetType: "BestPractice", targetId: existing.id, data: { title: input.title } });
    }
    let from: { programId: string | null; pairId: string | null } = { programId: null, pairId: null };
    if (input.kind === "CASE") {
      const pair = await tx.pair.findFirst({ where: { id: input.pairId!, organizationId }, select: { id: true, programId: true, status: true } });
      if (!pair) return refuse("VALIDATION", "validation", { pairId: "practicePairRequired" });
      if (pair.status !== "COMPLETED") return refuse("VALIDATION", "validation", { pairId: "practicePairNotCompleted" });
      from = { programId: pair.programId, pairId: pair.id };
    }
    const practice = await tx.bestPractice.create({
      data: { ...text, ...from, organizationId, kind: input.kind, authorId: ctx.user.id },
      select: { id: true },
    });
    return done(
      { practiceId: practice.id, created: true },
      { targetType: "BestPractice", targetId: practice.id, data: { kind: input.kind, title: input.title, pairId: from.pairId } },
    );
  },
});

/** Attaches the material's file (PDF, DOCX, PPTX, JPG, PNG up to 10 MB); replaces an earlier one. */
export const attachPracticeFile = defineAction({
  name: "practices.attachFile",
  scope: "tenant",
  permission: "practices.manage",
  input: AttachPracticeFileInput,
  async run({ input, tx, ctx }) {
    const data = Buffer.from(await input.file.arrayBuffer());
    const updated = await tx.bestPractice.updateMany({
      where: { id: input.practiceId, organizationId: ctx.organization.id },
      data: { fileName: input.file.name.slice(0, 200), fileType: practiceFileType(input.file), fileData: data },
    });
    if (updated.count !== 1) return refuse("NOT_FOUND", "notFound");
    return done({ practiceId: input.practiceId }, { targetType: "BestPractice", targetId: input.practiceId, data: { file: input.file.name, size: data.length } });
  },
});

/** «Поделиться с округом» (the district's other schools and office read it) and «опубликовать на сайте школы». */
export const setPracticeSharing = defineAction({
  name: "practices.setSharing",
  scope: "tenant",
  permission: "practices.manage",
  input: SetPracticeSharingInput,
  async run({ input, tx, ctx }) {
    if (input.field === "publishedOnSite" && input.value && ctx.organization.kind !== "SCHOOL") return refuse("VALIDATION", "practiceSiteSchoolsOnly");
    const updated = await tx.bestPractice.updateMany({
      where: { id: input.practiceId, organizationId: ctx.organization.id },
      data: { [input.field]: input.value },
    });
    if (updated.count !== 1) return refuse("NOT_FOUND", "notFound");
    return done(
      { practiceId: input.practiceId, [input.field]: input.value },
      { targetType: "BestPractice", targetId: input.practiceId, data: { [input.field]: input.value } },
    );
  },
});

export const deletePractice = defineAction({
  name: "practices.delete",
  scope: "tenant",
  permission: "practices.manage",
  input: DeletePracticeInput,
  async run({ input, tx, ctx }) {
    const practice = await ownPractice(tx, ctx.organization.id, input.practiceId);
    if (!practice) return refuse("NOT_FOUND", "notFound");
    await tx.bestPractice.delete({ where: { id: practice.id } });
    return done({ practiceId: practice.id }, { targetType: "BestPractice", targetId: practice.id, data: { kind: practice.kind, title: practice.title } });
  },
});
