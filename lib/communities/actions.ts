"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { todayIn } from "../domain/local-date";
import { attendanceProblem, communityProblem } from "../domain/communities";
import { consentProblem } from "../domain/consent";
import { problemText } from "../people/problem-text";
import { fullName } from "../domain/names";
import { communityPerson } from "./people";
import { AddCommunityMemberInput, AttachCommunityMaterialInput, CreateCommunityInput, HoldCommunityMeetingInput, RemoveCommunityMemberInput } from "./schemas";
import type { TenantContext } from "../auth/tenant";

// District communities (issue #17 item 2, docs/decisions/059). The office's methodist creates a community, adds
// people of the office's schools (each with a valid consent for DISTRICT_COMMUNITIES: the office sees their names),
// records meetings with their attendance and attaches materials. A member and an attendance are the school's rows
// naming the office (as InfoLetterRecipient): the school reads its own, the office the ones naming it.

/** Only a municipal office keeps communities: its schools are the ones directly below it. */
const notMunicipality = (ctx: Pick<TenantContext, "organization">) => (ctx.organization.kind === "MUNICIPALITY" ? null : refuse("FORBIDDEN", "communitiesMunicipalityOnly"));

export const createCommunity = defineAction({
  name: "communities.create",
  scope: "tenant",
  permission: "communities.manage",
  idempotent: true,
  input: CreateCommunityInput,
  async run({ input, tx, ctx }) {
    const wrong = notMunicipality(ctx);
    if (wrong) return wrong;
    const problem = communityProblem(input.kind, input.area);
    if (problem) return refuse("VALIDATION", problem.key, problem.field ? { [problem.field]: problem.key } : undefined);
    const community = await tx.districtCommunity.create({
      data: { organizationId: ctx.organization.id, kind: input.kind, name: input.name, area: input.kind === "METHOD_ASSOCIATION" ? input.area : null, createdById: ctx.user.id },
      select: { id: true },
    });
    return done({ communityId: community.id }, { targetType: "DistrictCommunity", targetId: community.id, data: { kind: input.kind, name: input.name } });
  },
});

export const addCommunityMember = defineAction({
  name: "communities.addMember",
  scope: "tenant",
  permission: "communities.manage",
  idempotent: true,
  input: AddCommunityMemberInput,
  async run({ input, tx, ctx }) {
    const wrong = notMunicipality(ctx);
    if (wrong) return wrong;
    const officeId = ctx.organization.id;
    const community = await tx.districtCommunity.findFirst({ where: { id: input.communityId, organizationId: officeId }, select: { id: true } });
    if (!community) return refuse("NOT_FOUND", "notFound");
    const today = organizationToday(ctx);
    const person = await communityPerson(tx, input.personId, today);
    if (!person) return refuse("NOT_FOUND", "communityPersonNotInDistrict", { personId: "communityPersonNotInDistrict" });
    if (!person.active) return refuse("CONFLICT", "communityPersonInactive", { personId: "communityPersonInactive" });
    const problem = consentProblem({ birthDate: person.birthDate, flaggedMinor: person.minor }, person.consents, "DISTRICT_COMMUNITIES", today);
    if (problem || !person.lastName || !person.firstName) {
      return refuse("CONFLICT", "communityConsentMissing", { personId: "communityConsentMissing" }, { details: problem ? [problemText(problem, ctx.user.locale ?? "ru")] : [] });
    }
    const existing = await tx.communityMember.findFirst({ where: { communityId: community.id, personId: input.personId, officeId }, select: { id: true, leftAt: true } });
    if (existing && existing.leftAt === null) return refuse("CONFLICT", "communityMemberDuplicate", { personId: "communityMemberDuplicate" });
    // The name, position and school roles as they are today, copied with the consent in force (decision 059).
    const copied = { lastName: person.lastName, firstName: person.firstName, middleName: person.middleName, position: person.position, curator: person.curator, mentor: person.mentor };
    // Someone who left comes back on the same row: the meetings attended before stay theirs.
    const member = existing
      ? await tx.communityMember.update({ where: { id: existing.id }, data: { ...copied, joinedAt: now(), leftAt: null, leftReason: null }, select: { id: true } })
      : await tx.communityMember.create({
          data: { organizationId: person.schoolId, officeId, communityId: community.id, personId: input.personId, ...copied, addedById: ctx.user.id },
          select: { id: true },
        });
    const name = fullName({ lastName: person.lastName, firstName: person.firstName, middleName: person.middleName });
    return done(
      { communityMemberId: member.id },
      { targetType: "CommunityMember", targetId: member.id, data: { communityId: community.id, name }, also: [{ organizationId: person.schoolId, targetType: "CommunityMember", targetId: member.id, data: { communityId: community.id } }] },
    );
  },
});

/** The office ends a membership with its reason; the name stays with the meetings the person attended. */
export const removeCommunityMember = defineAction({
  name: "communities.removeMember",
  scope: "tenant",
  permission: "communities.manage",
  input: RemoveCommunityMemberInput,
  async run({ input, tx, ctx }) {
    const officeId = ctx.organization.id;
    const member = await tx.communityMember.findFirst({ where: { id: input.communityMemberId, officeId }, select: { id: true, organizationId: true, communityId: true } });
    if (!member) return refuse("NOT_FOUND", "notFound");
    // Conditional: a member already gone (removed, or the consent withdrawn) is a conflict, the first reason stands.
    const ended = await tx.communityMember.updateMany({ where: { id: member.id, officeId, leftAt: null }, data: { leftAt: now(), leftReason: input.reason } });
    if (ended.count !== 1) return refuse("CONFLICT", "communityMemberAlreadyLeft");
    return done(
      { communityMemberId: member.id },
      { targetType: "CommunityMember", targetId: member.id, data: { communityId: member.communityId, reason: input.reason }, also: [{ organizationId: member.organizationId, targetType: "CommunityMember", targetId: member.id, data: { communityId: member.communityId, left: true } }] },
    );
  },
});

export const holdCommunityMeeting = defineAction({
  name: "communities.holdMeeting",
  scope: "tenant",
  permission: "communities.manage",
  idempotent: true,
  input: HoldCommunityMeetingInput,
  async run({ input, tx, ctx }) {
    const wrong = notMunicipality(ctx);
    if (wrong) return wrong;
    const officeId = ctx.organization.id;
    const community = await tx.districtCommunity.findFirst({
      where: { id: input.communityId, organizationId: officeId },
      select: { id: true, members: { where: { officeId }, select: { id: true, organizationId: true, leftAt: true, lastName: true } } },
    });
    if (!community) return refuse("NOT_FOUND", "notFound");
    const schoolOf = new Map(community.members.map((m) => [m.id, m.organizationId]));
    const zone = ctx.organization.timeZone;
    const standing = new Map(community.members.map((m) => [m.id, { leftOn: m.leftAt ? todayIn(zone, m.leftAt) : null, erased: m.lastName === null }]));
    const problem = attendanceProblem(standing, input.communityMemberIds, input.date);
    if (problem) return refuse("VALIDATION", problem.key, problem.field ? { [problem.field]: problem.key } : undefined);
    const meeting = await tx.communityMeeting.create({
      data: { organizationId: officeId, communityId: community.id, date: input.date, agenda: input.agenda, createdById: ctx.user.id },
      select: { id: true },
    });
    if (input.communityMemberIds.length > 0) {
      await tx.communityAttendance.createMany({
        data: input.communityMemberIds.map((memberId) => ({ organizationId: schoolOf.get(memberId)!, officeId, meetingId: meeting.id, memberId })),
      });
    }
    return done(
      { communityMeetingId: meeting.id, attended: input.communityMemberIds.length },
      { targetType: "CommunityMeeting", targetId: meeting.id, data: { communityId: community.id, attended: input.communityMemberIds.length } },
    );
  },
});

export const attachCommunityMaterial = defineAction({
  name: "communities.attachMaterial",
  scope: "tenant",
  permission: "communities.manage",
  idempotent: true,
  input: AttachCommunityMaterialInput,
  async run({ input, tx, ctx }) {
    const meeting = await tx.communityMeeting.findFirst({ where: { id: input.communityMeetingId, organizationId: ctx.organization.id }, select: { id: true } });
    if (!meeting) return refuse("NOT_FOUND", "notFound");
    const data = Buffer.from(await input.file.arrayBuffer());
    const material = await tx.communityMaterial.create({
      data: { organizationId: ctx.organization.id, meetingId: meeting.id, fileName: input.file.name.slice(0, 200), fileType: input.file.type || "application/octet-stream", fileSize: data.length, fileData: data, addedById: ctx.user.id },
      select: { id: true },
    });
    return done({ communityMaterialId: material.id }, { targetType: "CommunityMaterial", targetId: material.id, data: { meetingId: meeting.id, file: input.file.name } });
  },
});
