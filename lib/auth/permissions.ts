import type { AppRole } from "./roles";

/**
 * The one role × permission table. Every page and action names the permission it needs; a test
 * walks every registered action and checks allow/deny for every role against this table.
 */
export const PERMISSIONS = {
  /** See the organization's home page. */
  "organization.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE", "METHODIST", "MUNICIPAL_HEAD"],
  /** Change the organization's profile: name, requisites, the head, the time zone (decision 019) — the head's decision. */
  "organization.settings": ["DIRECTOR", "MUNICIPAL_HEAD"],
  /** See who works in the organization and pending invitations. */
  "members.view": ["DIRECTOR", "CURATOR", "MUNICIPAL_HEAD", "METHODIST"],
  /** Invite people (which roles each inviter may hand out: INVITABLE_ROLES). */
  "members.invite": ["DIRECTOR", "CURATOR", "MUNICIPAL_HEAD"],
  /** Withdraw a pending invitation. */
  "invitations.revoke": ["DIRECTOR", "CURATOR", "MUNICIPAL_HEAD"],
  /** Take a role away from a member. */
  "members.remove": ["DIRECTOR", "MUNICIPAL_HEAD"],
  /** See the organizations of the district (from the municipal office). */
  "district.view": ["METHODIST", "MUNICIPAL_HEAD"],
  /** Invite the director of a school of the district (from the municipal office). */
  "district.inviteDirector": ["MUNICIPAL_HEAD"],
  /** Add organizations to the office's own tree: one by form or a list (.xlsx/.csv) — the registry (decision 017). */
  "registry.manage": ["MUNICIPAL_HEAD"],
  /** See the mentoring program: stage board, roadmap, passport, local acts. */
  "program.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE", "METHODIST", "MUNICIPAL_HEAD"],
  /** Create the program, edit its passport, indicators and roadmap, import a roadmap. */
  "program.manage": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Mark roadmap activities in progress / done with evidence. */
  "roadmap.progress": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "METHODIST", "MUNICIPAL_HEAD"],
  /** Move the program to the next stage when the exit conditions are met; complete it after stage 7. */
  "program.advance": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Return to an earlier stage or pass a gate anyway, with a written reason (the head's decision). */
  "program.override": ["DIRECTOR", "MUNICIPAL_HEAD"],
  /** Register orders and regulations in the local acts register. */
  "acts.register": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Approve (sign) a registered local act. */
  "acts.approve": ["DIRECTOR", "MUNICIPAL_HEAD"],
  /** See the people of the school and their consents (personal data: staff who run the program only). */
  "people.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST"],
  /** Add people, record and revoke their consents. */
  "people.manage": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST"],
  /** See the mentee and mentor banks (names, statuses, trainings). */
  "banks.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST"],
  /** See mentees' category, difficulties and requests (the person's own mentor sees them through the pair). */
  "banks.sensitive": ["CURATOR", "PSYCHOLOGIST"],
  /** Add people to the banks, edit entries, record mentor trainings. */
  "banks.manage": ["CURATOR", "PSYCHOLOGIST"],
  /** Approve a trained mentor candidate as a mentor, and mentees of the bank (the director's decision; decision 025). */
  "mentors.approve": ["DIRECTOR"],
  /** See incentive payments to mentors and download their order (decision 025). */
  "incentives.view": ["DIRECTOR", "CURATOR"],
  /** Propose an incentive payment to a mentor for a period, withdraw a proposal. */
  "incentives.propose": ["DIRECTOR", "CURATOR"],
  /** Approve proposed incentive payments (the head «определяет размер выплат стимулирующего характера»). */
  "incentives.approve": ["DIRECTOR"],
  /** See questionnaires, who answered, and the aggregated results. */
  "surveys.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST"],
  /** Create questionnaires from templates, send them, close them. */
  "surveys.manage": ["CURATOR", "PSYCHOLOGIST"],
  /** Answer a questionnaire one was sent, in the app. */
  "surveys.answer": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE"],
  /** See the school's pairs and groups, the matching proposals and the orders. */
  "pairs.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST"],
  /** Run the matching, propose pairs and groups, edit proposals. */
  "pairs.propose": ["CURATOR", "PSYCHOLOGIST"],
  /** Approve or reject proposed pairs; a batch approval issues the order (the director's decision). */
  "pairs.approve": ["DIRECTOR"],
  /** Start, complete or dissolve an approved pair (with a reason). */
  "pairs.manage": ["DIRECTOR", "CURATOR"],
  /** Write a pair's personalized program (mentors: their own pairs only). */
  "personalPrograms.manage": ["CURATOR", "PSYCHOLOGIST", "MENTOR"],
  /** Approve (согласовать) a personalized program: the curator, and the director as the head (decision 028). */
  "personalPrograms.approve": ["DIRECTOR", "CURATOR"],
  /** Log meetings (mentors and mentees: their own pairs only). */
  "meetings.log": ["CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE"],
  /** See one's own pairs, their programs and meetings. */
  "pairs.own": ["MENTOR", "MENTEE"],
  /** See the district mentor bank: mentors of the municipality's schools who agreed to be seen district-wide. */
  "district.mentors": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "METHODIST", "MUNICIPAL_HEAD"],
  /** The school dashboard: stage, roadmap, banks, pairs, coverage, satisfaction, indicators (aggregates). */
  "monitoring.school": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST"],
  /** The district (region) dashboard over every school: aggregates only, no personal data. */
  "monitoring.district": ["METHODIST", "MUNICIPAL_HEAD"],
  /** Produce the annual monitoring report (аналитическая справка) of the organization. */
  "reports.produce": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /**
   * The list «Задачи и файлы» (decision 057): those who may start a long operation — the people import (people.manage)
   * or the report (reports.produce). Each task shows only to those who may start its kind (lib/domain/tasks.ts).
   */
  "tasks.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "METHODIST", "MUNICIPAL_HEAD"],
  /** Stage 7: record awards, mark the program completed. */
  "completion.manage": ["DIRECTOR", "CURATOR"],
  /** Read the методическая копилка (own school's and what the district shares). */
  "practices.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Write cases and materials, share them with the district, publish them on the site. */
  "practices.manage": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "METHODIST"],
  /** The public «Наставничество» section: publish it, choose documents, write news. */
  "publication.manage": ["DIRECTOR", "CURATOR"],
  /** See the outbox of e-mails the app would send (when no SMTP server is configured). */
  "outbox.view": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Set and edit the office's deadlines for its schools (a region's reach its municipalities' schools; decision 047). */
  "deadlines.manage": ["METHODIST", "MUNICIPAL_HEAD"],
  /** Mark a district deadline done with evidence (the deadlines whose condition is the school's own mark). */
  "deadlines.complete": ["DIRECTOR", "CURATOR"],
  /** Send information letters to the office's schools, see who read and acknowledged them, remind the rest. */
  "letters.send": ["METHODIST", "MUNICIPAL_HEAD"],
  /** Read the office's letters addressed to the school and acknowledge them (the head of the school). */
  "letters.receive": ["DIRECTOR"],
  /** Run monitoring campaigns: start one from a shipped form, edit the form, return, reopen, close, export (decision 048). */
  "campaigns.manage": ["METHODIST", "MUNICIPAL_HEAD"],
  /** Fill in the school's answer to a monitoring campaign, attach evidence, submit it. */
  "campaigns.answer": ["DIRECTOR", "CURATOR"],
  /** Confirm the school's submitted answer (the head of the school). */
  "campaigns.confirm": ["DIRECTOR"],
  /** Read the organization's audit log. */
  "audit.view": ["DIRECTOR", "MUNICIPAL_HEAD"],
  /** Create and revoke the organization's API tokens for regional integrations (/api/v1, decision 045). */
  "api.tokens": ["DIRECTOR", "MUNICIPAL_HEAD"],
  /** Keep the register of partner organizations (соглашения о сотрудничестве) and link external mentors to them (decision 061). */
  "partners.manage": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Ask the district methodist for a consultation and write in the school's own consultations (decision 061). */
  "consultations.ask": ["DIRECTOR", "CURATOR"],
  /** Answer the consultations the schools of the municipality address to the office and close them with an outcome. */
  "consultations.answer": ["METHODIST"],
  /**
   * See the cross-school pairs of the organization (decision 058): those of its mentees with other schools' mentors
   * and those its mentors hold for other schools. Mentors and mentees: their own pairs only.
   */
  "crossPairs.view": ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE"],
  /** Consent to (or decline) another school's proposal of a pair with this school's mentor (the head's decision). */
  "crossPairs.consent": ["DIRECTOR"],
  /**
   * District communities (decision 059): the office sees its councils, schools for young teachers and methodological
   * associations with their members and meetings; a school sees its own people's participation.
   */
  "communities.view": ["DIRECTOR", "CURATOR", "METHODIST", "MUNICIPAL_HEAD"],
  /** Create the office's communities, add members of its schools (with their consent), record meetings and materials. */
  "communities.manage": ["METHODIST", "MUNICIPAL_HEAD"],
  /** The office's public «Наставничество» section (decision 060): publish it, its documents and news. */
  "district.publication": ["METHODIST", "MUNICIPAL_HEAD"],
  /** Award mentors of the office's schools (decision 060): благодарственное письмо, почётная грамота, нагрудный знак. */
  "district.awards": ["METHODIST", "MUNICIPAL_HEAD"],
} as const satisfies Record<string, readonly AppRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly AppRole[], permission: Permission): boolean {
  const allowed: readonly AppRole[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/**
 * Who may invite whom inside their own organization (docs/domain.md): the director staffs the school,
 * the curator brings in mentors and mentees, the municipal head staffs the municipal office.
 * Directors of schools are invited from the municipal office (permission district.inviteDirector).
 */
export const INVITABLE_ROLES: Record<AppRole, readonly AppRole[]> = {
  DIRECTOR: ["CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE", "DIRECTOR"],
  CURATOR: ["MENTOR", "MENTEE"],
  MUNICIPAL_HEAD: ["MUNICIPAL_HEAD", "METHODIST"],
  PSYCHOLOGIST: [],
  MENTOR: [],
  MENTEE: [],
  METHODIST: [],
};

export function invitableRoles(roles: readonly AppRole[]): AppRole[] {
  const set = new Set<AppRole>();
  for (const role of roles) for (const r of INVITABLE_ROLES[role]) set.add(r);
  return [...set];
}
