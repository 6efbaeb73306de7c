import "server-only";
import type { Tx } from "../db";
import { consentProblem, type ConsentRecord } from "../domain/consent";
import type { MatchMentee, MatchMentor, MatchText } from "../domain/matching";
import { fullName } from "../domain/names";
import { LIVE_PAIR_STATUSES } from "../domain/pairs";
import { CONSENT_SELECT } from "../people/select";

const PERSON = {
  select: { id: true, kind: true, lastName: true, firstName: true, middleName: true, position: true, grade: true, subjects: true, experienceYears: true, birthDate: true, minor: true, active: true, consents: { select: CONSENT_SELECT } },
} as const;

/**
 * Why a person may not be in a pair today (pairs consent, out of active work), or null: a sentence of
 * `pairs.matching` (the consent's problem is its `problem` value, worded by the message's select).
 */
export function pairRefusal(p: { birthDate: Date | null; minor: boolean; active: boolean; consents: ConsentRecord[] }, at: Date): MatchText | null {
  if (!p.active) return { key: "leftInactive" };
  const consent = consentProblem({ birthDate: p.birthDate, flaggedMinor: p.minor }, p.consents, "PAIRS", at);
  return consent ? { key: "leftConsent", values: { problem: consent.key, date: consent.values?.date ?? "" } } : null;
}

export type PoolPerson = { id: string; personId: string; name: string; details: string | null; kind: "TEACHER" | "STUDENT" | "EXTERNAL" };

/**
 * Who the matching may pair in a program today: mentees of the bank the head approved, waiting for a
 * mentor with a valid pairs consent and no live pair; approved mentors with a valid pairs consent and room left (proposed
 * pairs already take their places). Those left out are listed with the reason.
 */
/** `at`: the calendar date in the organization's zone (consents and ages are by calendar day). */
export async function loadMatchPool(tx: Tx, organizationId: string, programId: string, at: Date) {
  const [menteeRows, mentorRows, preferenceRows] = await Promise.all([
    tx.menteeProfile.findMany({
      where: { organizationId, status: { not: "LEFT" } },
      select: { id: true, difficulties: true, approvedAt: true, person: PERSON, pairs: { where: { pair: { programId, status: { in: LIVE_PAIR_STATUSES } } }, select: { id: true } } },
    }),
    tx.mentorProfile.findMany({
      where: { organizationId, status: "APPROVED" },
      select: {
        id: true, capacity: true, competencies: true, person: PERSON,
        pairs: { where: { status: { in: LIVE_PAIR_STATUSES } }, select: { _count: { select: { mentees: true } } } },
        crossPairs: { where: { status: { in: ["PROPOSED", "CONSENTED", "ACTIVE"] } }, select: { id: true } },
      },
    }),
    tx.surveyRecipient.findMany({
      where: { organizationId, answeredAt: { not: null }, questionnaire: { kind: "PREFERENCE", OR: [{ programId }, { programId: null }] } },
      select: { personId: true, answers: true, answeredAt: true },
      orderBy: { answeredAt: "asc" },
    }),
  ]);
  // The latest preference answers of each person: mentor ids in order of choice.
  const preferences = new Map<string, string[]>();
  for (const r of preferenceRows) {
    const a = (r.answers ?? {}) as Record<string, unknown>;
    preferences.set(r.personId, ["choice1", "choice2", "choice3"].map((k) => a[k]).filter((v): v is string => typeof v === "string" && v.length > 0));
  }
  const describe = (p: (typeof menteeRows)[number]["person"]): PoolPerson & { organizationId: string } => ({
    id: "",
    personId: p.id,
    name: fullName(p),
    details: p.position ?? p.grade,
    kind: p.kind,
    organizationId,
  });

  const mentees: (MatchMentee & { view: PoolPerson })[] = [];
  const left: { view: PoolPerson; reason: MatchText }[] = [];
  for (const m of menteeRows) {
    const view = { ...describe(m.person), id: m.id };
    const refusal = pairRefusal(m.person, at);
    if (m.pairs.length > 0) continue; // already in a live pair of this program
    // Only mentees the head approved are matched (decision 025); the others are listed with the reason.
    if (!m.approvedAt) {
      left.push({ view, reason: { key: "leftNotApproved" } });
      continue;
    }
    if (refusal) {
      left.push({ view, reason: refusal });
      continue;
    }
    mentees.push({
      id: m.id,
      personId: m.person.id,
      kind: m.person.kind,
      organizationId,
      subjects: m.person.subjects,
      difficulties: m.difficulties,
      experienceYears: m.person.experienceYears,
      preferences: preferences.get(m.person.id) ?? [],
      view,
    });
  }
  const mentors: (MatchMentor & { view: PoolPerson })[] = [];
  for (const m of mentorRows) {
    if (pairRefusal(m.person, at)) continue;
    const taken = m.pairs.reduce((n, p) => n + p._count.mentees, 0) + m.crossPairs.length;
    mentors.push({
      id: m.id,
      personId: m.person.id,
      kind: m.person.kind,
      organizationId,
      subjects: m.person.subjects,
      competencies: m.competencies,
      experienceYears: m.person.experienceYears,
      capacity: m.capacity,
      remainingCapacity: Math.max(0, m.capacity - taken),
      view: { ...describe(m.person), id: m.id },
    });
  }
  return { mentees, mentors, left };
}
