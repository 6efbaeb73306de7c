"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import { loadDistrictMentors } from "../banks/district";
import { districtAwardName, districtAwardRefusal } from "../domain/district-recognition";
import { DeleteDistrictAwardInput, GiveDistrictAwardInput } from "./schemas";

// District recognition (issue #17 item 4, docs/decisions/060): the office awards a mentor of one of its schools. The
// mentor is picked from the district bank (district_open_mentors: approved mentors of the office's schools who agreed
// to be seen district-wide, with a valid consent) — the office has no wider door to a school's people. The award is
// the school's row naming the office (officeId), written under the office's insert policy.

const officeOnly = () => refuse("FORBIDDEN", "districtAwardOfficeOnly");

export const giveDistrictAward = defineAction({
  name: "districtAwards.give",
  scope: "tenant",
  permission: "district.awards",
  idempotent: true,
  input: GiveDistrictAwardInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const today = organizationToday(ctx);
    const problem = districtAwardRefusal({ kind: input.kind, title: input.title, awardedOn: input.awardedOn, basis: input.basis }, today);
    if (problem) return refuse("VALIDATION", problem.key, { [problem.field]: problem.key });
    const mentor = (await loadDistrictMentors(tx, ctx.organization.id, today)).find((m) => m.id === input.mentorId);
    if (!mentor) return refuse("NOT_FOUND", "districtAwardNotInDistrict", { mentorId: "districtAwardNotInDistrict" });
    const award = await tx.districtAward.create({
      data: {
        organizationId: mentor.organizationId,
        officeId: ctx.organization.id,
        mentorId: mentor.id,
        personName: mentor.name,
        kind: input.kind,
        title: input.kind === "OTHER" ? input.title : null,
        awardedOn: input.awardedOn,
        basis: input.basis,
        createdById: ctx.user.id,
      },
      select: { id: true },
    });
    const data = { mentorId: mentor.id, award: districtAwardName(input.kind, input.title), awardedOn: input.awardedOn.toISOString().slice(0, 10), basis: input.basis };
    return done(
      { districtAwardId: award.id },
      { targetType: "DistrictAward", targetId: award.id, data: { ...data, schoolId: mentor.organizationId }, also: [{ organizationId: mentor.organizationId, targetType: "DistrictAward", targetId: award.id, data }] },
    );
  },
});

export const deleteDistrictAward = defineAction({
  name: "districtAwards.delete",
  scope: "tenant",
  permission: "district.awards",
  input: DeleteDistrictAwardInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const award = await tx.districtAward.findFirst({ where: { id: input.districtAwardId, officeId: ctx.organization.id }, select: { id: true, organizationId: true, mentorId: true, kind: true, title: true } });
    if (!award) return refuse("NOT_FOUND", "notFound");
    await tx.districtAward.delete({ where: { id: award.id } });
    const data = { mentorId: award.mentorId, award: districtAwardName(award.kind, award.title), deleted: true };
    return done(
      { districtAwardId: award.id },
      { targetType: "DistrictAward", targetId: award.id, data, also: [{ organizationId: award.organizationId, targetType: "DistrictAward", targetId: award.id, data }] },
    );
  },
});
