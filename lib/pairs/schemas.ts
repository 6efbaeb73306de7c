import { z } from "zod";
import { enumKeys } from "../actions/enum-keys";
import { MENTORING_FORMS, MENTORING_TYPES } from "../domain/pairs";
import { OrgSlug, Id, OptionalText } from "../schemas/fields";

const Weight = z.coerce.number({ error: "weightRange" }).min(0, { error: "weightRange" }).max(10, { error: "weightRange" });

export const CRITERION_KEYS = ["subject", "difficulties", "experience", "sameSchool", "capacity", "preference"] as const;
export const RULE_CHOICES = ["mustSubject", "mustSameSchool", "mustDifficulties", "mustExperience", "neverSameSchool"] as const;

export const MatchInput = z.object({
  org: OrgSlug,
  programId: Id,
  /** One mentee: suggestions for them; none: the whole school. */
  menteeId: z.union([Id, z.literal("")]).optional().transform((v) => v || null),
  objective: z.enum(["score", "participation"], { error: "required" }).default("score"),
  /** "district": also the mentors of the other schools who agreed to be seen district-wide. */
  pool: z.enum(["school", "district"], { error: "required" }).default("school"),
  weights: z.object(Object.fromEntries(CRITERION_KEYS.map((k) => [k, Weight])) as Record<(typeof CRITERION_KEYS)[number], typeof Weight>),
  rules: z
    .preprocess((v) => (v === undefined || v === "" || v === false ? [] : typeof v === "string" ? [v] : v), z.array(z.enum(RULE_CHOICES, { error: "validation" })))
    .default([]),
});
export type MatchInput = z.input<typeof MatchInput>;

/** A criterion's note as the matching wrote it (a MatchText of lib/domain/matching.ts: notes have no nested sentences). */
const CriterionNote = z.object({
  key: z.string().max(60),
  values: z.record(z.string().max(40), z.union([z.string().max(500), z.number()])).optional(),
  difficulties: z.array(z.string().max(200)).max(50).optional(),
});

export const ProposedPair = z.object({
  mentorId: Id,
  menteeIds: z.array(Id).min(1, { error: "menteesRequired" }).max(30),
  form: z.enum(enumKeys(MENTORING_FORMS), { error: "required" }),
  type: z.enum(enumKeys(MENTORING_TYPES), { error: "required" }),
  direction: OptionalText(300),
  score: z.number().min(0).max(1000).nullable().optional(),
  criteria: z.array(z.object({ key: z.string().max(40), value: z.number(), weight: z.number(), contribution: z.number(), note: CriterionNote })).max(20).nullable().optional(),
});

export const ProposePairsInput = z.object({
  org: OrgSlug,
  programId: Id,
  pairs: z.array(ProposedPair).min(1, { error: "pairsRequired" }).max(3000),
});
export type ProposePairsInput = z.input<typeof ProposePairsInput>;

/** The pair's version as the user saw it (an Int column: larger numbers are refused here, not by the database). */
const Version = z.coerce.number().int().min(1).max(2_147_483_647);
const Versioned = z.object({ pairId: Id, version: Version });

export const ApprovePairsInput = z.object({
  org: OrgSlug,
  pairs: z.array(Versioned).min(1, { error: "pairsRequired" }).max(3000),
  orderDate: z.iso.date({ error: "date" }).transform((v) => new Date(`${v}T00:00:00Z`)),
  comment: OptionalText(1000),
});
export type ApprovePairsInput = z.input<typeof ApprovePairsInput>;

export const RejectPairInput = z.object({
  org: OrgSlug,
  pairId: Id,
  version: Version,
  comment: z.string().trim().min(3, { error: "reasonShort" }).max(1000, { error: "tooLong" }),
});
export type RejectPairInput = z.input<typeof RejectPairInput>;

export const WithdrawPairInput = z.object({ org: OrgSlug, pairId: Id, version: Version });
export type WithdrawPairInput = z.input<typeof WithdrawPairInput>;

export const ClosePairInput = z.object({
  org: OrgSlug,
  pairId: Id,
  version: Version,
  outcome: z.enum(["COMPLETED", "DISSOLVED"], { error: "required" }),
  reason: z.string().trim().min(3, { error: "reasonShort" }).max(1000, { error: "tooLong" }),
});
export type ClosePairInput = z.input<typeof ClosePairInput>;
