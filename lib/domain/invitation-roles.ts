// Pure rules of inviting people from the people list (issue #13 item 4): the role that fits a person,
// and why a person cannot be invited. No I/O.
import type { AppRole } from "../auth/roles";

/** People invited in one action at most: a school's staff or one parallel of students. */
export const INVITE_MANY_MAX = 200;

export type InvitablePerson = {
  kind: "TEACHER" | "STUDENT" | "EXTERNAL";
  position: string | null;
  /** In the mentee bank / the mentor bank of the school. */
  inMenteeBank?: boolean;
  inMentorBank?: boolean;
};

const PSYCHOLOGIST = /психолог/i;
const CURATOR = /куратор|заместител[ья] директора|завуч|методист/i;
const DIRECTOR = /^\s*(директор|заведующ)/i;

/**
 * The role proposed for a person (editable before sending), among those the inviter may hand out:
 * a student → mentee; a psychologist's position → psychologist; a deputy director or the program's curator
 * → curator; the director → director; a teacher in the mentee bank (a young specialist) → mentee;
 * other staff and external mentors → mentor. Null when the inviter may hand out none that fits.
 */
export function proposeRole(person: InvitablePerson, invitable: readonly AppRole[]): AppRole | null {
  const candidates: AppRole[] = [];
  if (person.kind === "STUDENT") candidates.push("MENTEE");
  else {
    const position = person.position ?? "";
    if (PSYCHOLOGIST.test(position)) candidates.push("PSYCHOLOGIST");
    if (DIRECTOR.test(position)) candidates.push("DIRECTOR");
    if (CURATOR.test(position)) candidates.push("CURATOR");
    if (person.inMenteeBank && !person.inMentorBank) candidates.push("MENTEE", "MENTOR");
    else candidates.push("MENTOR", "MENTEE");
  }
  return candidates.find((role) => invitable.includes(role)) ?? null;
}

export type InviteRefusal = "noEmail" | "emailUsedByAnother" | "alreadyMember" | "alreadyInvited" | "personInactive";

/** Why one person of a bulk invitation is left out, or null; checked in this order. */
export function inviteRefusal(args: {
  email: string | null;
  active: boolean;
  /** Another person of the organization has the same address. */
  emailUsedByAnother: boolean;
  alreadyMember: boolean;
  pendingInvitation: boolean;
}): InviteRefusal | null {
  if (!args.email) return "noEmail";
  if (!args.active) return "personInactive";
  if (args.emailUsedByAnother) return "emailUsedByAnother";
  if (args.alreadyMember) return "alreadyMember";
  if (args.pendingInvitation) return "alreadyInvited";
  return null;
}

/** Normalized for comparisons: addresses are case-insensitive in practice. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const v = (email ?? "").trim().toLowerCase();
  return v ? v : null;
}
