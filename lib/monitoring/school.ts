import "server-only";
import type { Tx } from "../db";
import { MENTEE_CATEGORIES } from "../domain/banks";
import { MENTORING_FORMS, MENTORING_TYPES, PAIR_STATUSES, WORKED_PAIR_STATUSES } from "../domain/pairs";
import { satisfactionPercent } from "../domain/questionnaire-results";
import {
  countBy,
  coverage,
  indicatorRows,
  involvementOf,
  INVOLVED_PAIR_STATUSES,
  roadmapProgress,
  type Coverage,
  type IndicatorKind,
  type IndicatorRow,
  type StageProgress,
} from "../domain/school-figures";
import { isOverdue } from "../domain/due-period";
import { youngRetention, type YoungRetention } from "../domain/retention";
import { answersOf, effectivenessOf, latestAssessment, questionsOf, type Effectiveness } from "../domain/effectiveness";
import { partnerMentorsShare, type PartnerShare } from "../domain/partners";
import { awardsInAcademicYear, type DistrictAwardKind } from "../domain/district-recognition";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

// The school dashboard (monitoring.school): aggregates of one school's program — roadmap, banks, pairs,
// coverage, satisfaction, passport indicators. Counts only: no mentee's category or difficulty by name.
// The definitions are those of lib/domain/school-figures.ts (the district figures use the same).

export type SatisfactionFigure = {
  /** The value shown: the passport indicator's actual, else the percent of the latest closed questionnaire. */
  value: number | null;
  indicator: number | null;
  computed: number | null;
  respondents: number;
  questionnaireId: string | null;
  closedAt: Date | null;
};

export type DistrictAwardCounts = { total: number; byKind: { kind: DistrictAwardKind; title: string | null; count: number }[] };

/** «Благодарственное письмо — 2» per kind, worded by `kindName` (an OTHER award by its own name). */
export function districtAwardNames(d: DistrictAwardCounts, kindName: (kind: DistrictAwardKind) => string): string[] {
  return d.byKind.map((k) => `${k.title ?? kindName(k.kind)} — ${k.count}`);
}

export type OverdueItem = { id: string; stage: number; title: string; dueText: string; dueEnd: Date | null; responsible: string | null };

export type SchoolFigures = {
  program: { id: string; academicYear: number; stage: number; status: "ACTIVE" | "COMPLETED" };
  roadmap: { stages: StageProgress[]; total: StageProgress; overdue: OverdueItem[] };
  banks: {
    menteesByCategory: { key: string; count: number }[];
    menteesByStatus: { key: string; count: number }[];
    mentorsByStatus: { key: string; count: number }[];
    menteesInBank: number;
    mentorsApproved: number;
  };
  pairs: { total: number; byForm: { key: string; count: number }[]; byType: { key: string; count: number }[]; byStatus: { key: string; count: number }[] };
  coverage: Coverage;
  /** Plan items, meetings per pair, before/after growth, cases, awards, the site section, key acts (lib/domain/effectiveness.ts). */
  effectiveness: Effectiveness;
  /** Young specialists' retention in the program's year (lib/domain/retention.ts, decision 052). */
  retention: YoungRetention;
  /** Partner organizations whose staff mentor in an involved pair (external mentors' organizations). */
  partnerOrganizations: number;
  /** The register's partners and those providing at least one active mentor (decision 061). */
  partnerShare: PartnerShare;
  satisfaction: { mentees: SatisfactionFigure; mentors: SatisfactionFigure };
  indicators: IndicatorRow[];
  /** The office's awards to the school's mentors in the program's academic year, by kind (decision 060): the report marks them district awards. */
  /** By kind (OTHER by its own name): the page and the report word the kinds. */
  districtAwards: DistrictAwardCounts;
};

/** The figures of one program of the school; null when the program is not the organization's. */
export async function loadSchoolFigures(tx: Tx, organizationId: string, programId: string, today: Date): Promise<SchoolFigures | null> {
  // One statement (relation joins): the program with its roadmap, pairs and indicators, and the school's banks,
  // active people and closed satisfaction questionnaires of the program, nested under the organization.
  const found = await tx.organization.findUnique({
    where: { id: organizationId },
    select: {
      programs: {
        where: { id: programId },
        select: {
          id: true,
          academicYear: true,
          stage: true,
          status: true,
          activities: {
            select: { id: true, stage: true, title: true, dueText: true, dueEnd: true, recurrence: true, status: true, responsibleText: true, responsibleUser: { select: { name: true } } },
            orderBy: [{ stage: "asc" }, { position: "asc" }],
          },
          pairs: {
            select: {
              status: true,
              form: true,
              type: true,
              mentor: { select: { personId: true, person: { select: { kind: true, externalOrganization: true } } } },
              mentees: { select: { mentee: { select: { personId: true } } } },
              personalProgram: { select: { status: true, items: { select: { status: true } } } },
              _count: { select: { meetings: true } },
            },
          },
          localActs: { where: { kind: { in: ["MODEL_INTRODUCTION", "INCENTIVE_REGULATION"] }, status: "APPROVED" }, select: { kind: true } },
          _count: { select: { awards: true, bestPractices: true } },
          indicators: {
            select: { id: true, kind: true, title: true, unit: true, targets: true, actualValue: true },
            orderBy: [{ position: "asc" }, { title: "asc" }],
          },
        },
      },
      menteeProfiles: { where: { person: { active: true } }, select: { category: true, status: true } },
      mentorProfiles: { where: { person: { active: true } }, select: { status: true } },
      // Everyone, left people included: the coverage counts the active, the retention the year's young teachers.
      people: { select: { id: true, kind: true, experienceYears: true, active: true, hiredOn: true, leftOn: true, leaveReason: true, partnerId: true, mentorProfile: { select: { status: true } } } },
      // The register of partner organizations (decision 061): the passport's share of partners providing mentors.
      partners: { select: { id: true } },
      publicSection: { select: { publishedAt: true } },
      districtAwards: { select: { kind: true, title: true, awardedOn: true }, orderBy: { awardedOn: "asc" } },
      questionnaires: {
        where: { programId, status: "CLOSED", kind: { in: ["SATISFACTION_MENTEE", "SATISFACTION_MENTOR", "ASSESSMENT_BEFORE", "ASSESSMENT_AFTER"] } },
        select: { id: true, kind: true, comparedWithId: true, questions: true, closedAt: true, recipients: { where: { answeredAt: { not: null } }, select: { answers: true } } },
        orderBy: [{ closedAt: "desc" }],
      },
    },
  });
  const ofProgram = found?.programs[0];
  if (!found || !ofProgram) return null;
  const { activities, pairs, indicators, localActs, _count: programCounts, ...program } = ofProgram;
  const { menteeProfiles: mentees, mentorProfiles: mentors, people: everyone, questionnaires: surveys } = found;
  const people = everyone.filter((p) => p.active);

  const progress = roadmapProgress(activities, today);
  const overdue = activities
    .filter((a) => isOverdue(a, today))
    .map((a) => ({ id: a.id, stage: a.stage, title: a.title, dueText: a.dueText, dueEnd: a.dueEnd, responsible: a.responsibleUser?.name ?? a.responsibleText }));

  const inBank = mentees.filter((m) => m.status !== "LEFT");
  const counted = pairs.filter((p) => p.status !== "REJECTED");
  const cov = coverage(
    people,
    involvementOf(pairs.map((p) => ({ status: p.status, mentorPersonId: p.mentor.personId, menteePersonIds: p.mentees.map((m) => m.mentee.personId) }))),
  );
  const partners = new Set(
    pairs
      .filter((p) => (INVOLVED_PAIR_STATUSES as readonly string[]).includes(p.status) && p.mentor.person.kind === "EXTERNAL" && p.mentor.person.externalOrganization)
      .map((p) => p.mentor.person.externalOrganization!.trim().toLowerCase()),
  );

  const partnerShare = partnerMentorsShare(
    found.partners.map((p) => p.id),
    everyone.map((p) => ({ partnerId: p.partnerId, active: p.active, mentorStatus: p.mentorProfile?.status ?? null })),
  );

  const satisfactionOf = (kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR", indicatorKind: IndicatorKind): SatisfactionFigure => {
    const latest = surveys.find((q) => q.kind === kind && q.recipients.length > 0) ?? null;
    const computed = latest ? satisfactionPercent(questionsOf(latest.questions), latest.recipients.map((r) => answersOf(r.answers))) : null;
    const indicator = indicators.find((i) => i.kind === indicatorKind && i.actualValue !== null)?.actualValue ?? null;
    return { value: indicator ?? computed, indicator, computed, respondents: latest?.recipients.length ?? 0, questionnaireId: latest?.id ?? null, closedAt: latest?.closedAt ?? null };
  };
  const menteeSatisfaction = satisfactionOf("SATISFACTION_MENTEE", "MENTEE_SATISFACTION");
  const mentorSatisfaction = satisfactionOf("SATISFACTION_MENTOR", "MENTOR_SATISFACTION");

  return {
    program,
    roadmap: { ...progress, overdue },
    banks: {
      menteesByCategory: countBy(inBank, (m) => m.category, Object.keys(MENTEE_CATEGORIES)).filter((c) => c.count > 0),
      menteesByStatus: countBy(mentees, (m) => m.status, ["WAITING", "PAIRED", "LEFT"]),
      mentorsByStatus: countBy(mentors, (m) => m.status, ["CANDIDATE", "TRAINED", "APPROVED", "LEFT"]),
      menteesInBank: inBank.length,
      mentorsApproved: mentors.filter((m) => m.status === "APPROVED").length,
    },
    pairs: {
      total: counted.length,
      byForm: countBy(counted, (p) => p.form, Object.keys(MENTORING_FORMS)).filter((c) => c.count > 0),
      byType: countBy(counted, (p) => p.type, Object.keys(MENTORING_TYPES)).filter((c) => c.count > 0),
      byStatus: countBy(pairs, (p) => p.status, Object.keys(PAIR_STATUSES)).filter((c) => c.count > 0),
    },
    coverage: cov,
    effectiveness: effectivenessOf({
      pairs: pairs.map((p) => ({
        worked: WORKED_PAIR_STATUSES.includes(p.status),
        meetings: p._count.meetings,
        personalProgram: p.personalProgram ? { approved: p.personalProgram.status === "APPROVED", items: p.personalProgram.items } : null,
      })),
      assessment: latestAssessment(surveys),
      cases: programCounts.bestPractices,
      awards: programCounts.awards,
      siteSectionPublished: Boolean(found.publicSection?.publishedAt),
      approvedActs: localActs.map((a) => a.kind),
    }),
    retention: youngRetention(
      everyone,
      new Set(pairs.filter((p) => WORKED_PAIR_STATUSES.includes(p.status)).flatMap((p) => p.mentees.map((m) => m.mentee.personId))),
      program.academicYear,
    ),
    partnerOrganizations: partners.size,
    partnerShare,
    satisfaction: { mentees: menteeSatisfaction, mentors: mentorSatisfaction },
    indicators: indicatorRows(indicators, program.academicYear, { coverage: cov, menteeSatisfaction: menteeSatisfaction.computed, mentorSatisfaction: mentorSatisfaction.computed, partnerMentorsShare: partnerShare.share }),
    districtAwards: (() => {
      const inYear = awardsInAcademicYear(found.districtAwards, program.academicYear);
      // By kind, not by name: the report counts, the bank names (the mentor's row).
      const byKind = new Map<string, { kind: DistrictAwardKind; title: string | null; count: number }>();
      for (const a of inYear) {
        const title = a.kind === "OTHER" && a.title?.trim() ? a.title.trim() : null;
        const key = `${a.kind}:${title ?? ""}`;
        byKind.set(key, { kind: a.kind, title, count: (byKind.get(key)?.count ?? 0) + 1 });
      }
      return { total: inYear.length, byKind: [...byKind.values()] };
    })(),
  };
}

// ——— The dashboard's tables: the same rows on the page (the charts' text alternative) and in the .xlsx export ———

export const SCHOOL_TABLES = [
  "roadmap",
  "overdue",
  "menteesByCategory",
  "bankStatuses",
  "pairsByForm",
  "pairsByType",
  "pairsByStatus",
  "coverage",
  "satisfaction",
  "indicators",
] as const;
export type SchoolTableKey = (typeof SCHOOL_TABLES)[number];

export type TableCell = string | number | Date | null;
export type SchoolTable = {
  key: SchoolTableKey;
  title: string;
  columns: { header: string; width: number; date?: boolean }[];
  rows: TableCell[][];
  /** Per row: the list behind the figure, relative to the organization (/mentees, /pairs…); null when none. */
  links: (string | null)[];
};

/** Every table of the dashboard, worded in the locale. */
export function schoolTables(f: SchoolFigures, locale: AppLocale): Record<SchoolTableKey, SchoolTable> {
  const t = translator(locale);
  const m = (key: string, values?: Record<string, string | number>) => t(`schoolMonitoring.${key}` as never, values as never);
  const year = `?year=${f.program.academicYear}`;
  const percent = (v: number | null) => (v === null ? "—" : v);
  const make = (key: SchoolTableKey, columns: SchoolTable["columns"], rows: { cells: TableCell[]; link: string | null }[]): SchoolTable => ({
    key,
    title: m(`tables.${key}`),
    columns,
    rows: rows.map((r) => r.cells),
    links: rows.map((r) => r.link),
  });
  const countCols = (first: string) => [
    { header: first, width: 48 },
    { header: m("columns.count"), width: 12 },
  ];
  const c = f.coverage;
  const sat = (label: string, s: SatisfactionFigure) => ({
    cells: [label, percent(s.value), percent(s.indicator), percent(s.computed), s.respondents],
    link: s.questionnaireId ? `/surveys/${s.questionnaireId}` : "/surveys",
  });
  return {
    roadmap: make(
      "roadmap",
      [
        { header: m("columns.stage"), width: 60 },
        { header: m("columns.total"), width: 12 },
        { header: m("columns.done"), width: 12 },
        { header: m("columns.open"), width: 12 },
        { header: m("columns.overdue"), width: 14 },
        { header: m("columns.percentDone"), width: 14 },
      ],
      [
        ...f.roadmap.stages.map((s) => ({
          cells: [`${s.stage}. ${t(`stages.title${s.stage}` as never)}`, s.total, s.done, s.open, s.overdue, percent(s.percent)],
          link: `/program/roadmap?year=${f.program.academicYear}&stage=${s.stage}`,
        })),
        {
          cells: [m("columns.allStages"), f.roadmap.total.total, f.roadmap.total.done, f.roadmap.total.open, f.roadmap.total.overdue, percent(f.roadmap.total.percent)],
          link: `/program/roadmap${year}`,
        },
      ],
    ),
    overdue: make(
      "overdue",
      [
        { header: m("columns.stageNumber"), width: 8 },
        { header: m("columns.activity"), width: 60 },
        { header: m("columns.due"), width: 24 },
        { header: m("columns.dueEnd"), width: 14, date: true },
        { header: m("columns.responsible"), width: 30 },
      ],
      // The roadmap list of the activity's stage (it marks the overdue ones; the activity's own page is for editors).
      f.roadmap.overdue.map((a) => ({ cells: [a.stage, a.title, a.dueText, a.dueEnd, a.responsible], link: `/program/roadmap?year=${f.program.academicYear}&stage=${a.stage}` })),
    ),
    menteesByCategory: make(
      "menteesByCategory",
      countCols(m("columns.category")),
      f.banks.menteesByCategory.map((r) => ({ cells: [t(`vocabulary.menteeCategory.${r.key}` as never), r.count], link: "/mentees" })),
    ),
    bankStatuses: make(
      "bankStatuses",
      [
        { header: m("columns.bank"), width: 24 },
        { header: m("columns.status"), width: 30 },
        { header: m("columns.count"), width: 12 },
      ],
      [
        ...f.banks.menteesByStatus.map((r) => ({ cells: [m("menteeBank"), t(`banks.menteeStatus.${r.key}` as never), r.count], link: "/mentees" })),
        ...f.banks.mentorsByStatus.map((r) => ({ cells: [m("mentorBank"), t(`banks.mentorStatus.${r.key}` as never), r.count], link: "/mentors" })),
      ],
    ),
    pairsByForm: make(
      "pairsByForm",
      countCols(m("columns.form")),
      f.pairs.byForm.map((r) => ({ cells: [t(`vocabulary.mentoringForm.${r.key}` as never), r.count], link: "/pairs" })),
    ),
    pairsByType: make(
      "pairsByType",
      countCols(m("columns.type")),
      f.pairs.byType.map((r) => ({ cells: [t(`vocabulary.mentoringType.${r.key}` as never), r.count], link: "/pairs" })),
    ),
    pairsByStatus: make(
      "pairsByStatus",
      countCols(m("columns.status")),
      f.pairs.byStatus.map((r) => ({ cells: [t(`pairs.statuses.${r.key}` as never), r.count], link: "/pairs" })),
    ),
    coverage: make(
      "coverage",
      [
        { header: m("columns.measure"), width: 60 },
        { header: m("columns.part"), width: 12 },
        { header: m("columns.whole"), width: 12 },
        { header: m("columns.share"), width: 12 },
      ],
      [
        { cells: [m("coverage.teachers"), c.teachersInvolved, c.teachers, percent(c.shares.teachersInvolved)], link: "/pairs" },
        { cells: [m("coverage.young"), c.youngSpecialistsCovered, c.youngSpecialists, percent(c.shares.youngSpecialistsCovered)], link: "/mentees" },
        { cells: [m("coverage.studentMentees"), c.studentMentees, c.students, percent(c.shares.studentMentees)], link: "/pairs" },
        { cells: [m("coverage.studentMentors"), c.studentMentors, c.students, percent(c.shares.studentMentors)], link: "/pairs" },
        { cells: [m("coverage.partners"), f.partnerShare.providing, f.partnerShare.partners, percent(f.partnerShare.share)], link: "/mentors" },
      ],
    ),
    satisfaction: make(
      "satisfaction",
      [
        { header: m("columns.group"), width: 30 },
        { header: m("columns.value"), width: 14 },
        { header: m("columns.indicator"), width: 18 },
        { header: m("columns.questionnaire"), width: 18 },
        { header: m("columns.respondents"), width: 14 },
      ],
      [sat(m("satisfactionMentees"), f.satisfaction.mentees), sat(m("satisfactionMentors"), f.satisfaction.mentors)],
    ),
    indicators: make(
      "indicators",
      [
        { header: m("columns.indicatorTitle"), width: 70 },
        { header: m("columns.unit"), width: 8 },
        { header: m("columns.target"), width: 12 },
        { header: m("columns.entered"), width: 14 },
        { header: m("columns.computed"), width: 14 },
        { header: m("columns.state"), width: 20 },
      ],
      f.indicators.map((i) => ({
        cells: [i.title, i.unit, percent(i.target), percent(i.entered), percent(i.computed), m(`indicatorState.${i.state}`)],
        link: `/program/passport${year}`,
      })),
    ),
  };
}
