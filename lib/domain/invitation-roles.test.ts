import { describe, expect, it } from "vitest";
import { inviteRefusal, normalizeEmail, proposeRole } from "./invitation-roles";

const DIRECTOR_CAN = ["CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE", "DIRECTOR"] as const;
const CURATOR_CAN = ["MENTOR", "MENTEE"] as const;

describe("proposeRole", () => {
  it("proposes mentee for a student and mentor for a teacher", () => {
    expect(proposeRole({ kind: "STUDENT", position: null }, CURATOR_CAN)).toBe("MENTEE");
    expect(proposeRole({ kind: "TEACHER", position: "Учитель математики" }, CURATOR_CAN)).toBe("MENTOR");
    expect(proposeRole({ kind: "EXTERNAL", position: "Инженер" }, CURATOR_CAN)).toBe("MENTOR");
  });
  it("proposes mentee for a young specialist in the mentee bank", () => {
    expect(proposeRole({ kind: "TEACHER", position: "Учитель английского языка", inMenteeBank: true }, CURATOR_CAN)).toBe("MENTEE");
    expect(proposeRole({ kind: "TEACHER", position: "Учитель", inMenteeBank: true, inMentorBank: true }, CURATOR_CAN)).toBe("MENTOR");
  });
  it("proposes the psychologist, curator and director roles from the position when the inviter may hand them out", () => {
    expect(proposeRole({ kind: "TEACHER", position: "Педагог-психолог" }, DIRECTOR_CAN)).toBe("PSYCHOLOGIST");
    expect(proposeRole({ kind: "TEACHER", position: "Заместитель директора по УВР" }, DIRECTOR_CAN)).toBe("CURATOR");
    expect(proposeRole({ kind: "TEACHER", position: "Директор" }, DIRECTOR_CAN)).toBe("DIRECTOR");
    // A curator may not hand out the psychologist's role: the next fitting one.
    expect(proposeRole({ kind: "TEACHER", position: "Педагог-психолог" }, CURATOR_CAN)).toBe("MENTOR");
  });
  it("proposes nothing when the inviter may hand out no fitting role", () => {
    expect(proposeRole({ kind: "STUDENT", position: null }, ["METHODIST"])).toBeNull();
    expect(proposeRole({ kind: "TEACHER", position: null }, [])).toBeNull();
  });
});

describe("inviteRefusal", () => {
  const fine = { email: "a@b.ru", active: true, emailUsedByAnother: false, alreadyMember: false, pendingInvitation: false };
  it("accepts a person with an address and nothing in the way", () => expect(inviteRefusal(fine)).toBeNull());
  it("names the first reason in order", () => {
    expect(inviteRefusal({ ...fine, email: null, alreadyMember: true })).toBe("noEmail");
    expect(inviteRefusal({ ...fine, active: false })).toBe("personInactive");
    expect(inviteRefusal({ ...fine, emailUsedByAnother: true, pendingInvitation: true })).toBe("emailUsedByAnother");
    expect(inviteRefusal({ ...fine, alreadyMember: true, pendingInvitation: true })).toBe("alreadyMember");
    expect(inviteRefusal({ ...fine, pendingInvitation: true })).toBe("alreadyInvited");
  });
  it("normalizes addresses", () => {
    expect(normalizeEmail("  Ivanova@School.RU ")).toBe("ivanova@school.ru");
    expect(normalizeEmail("  ")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });
});
