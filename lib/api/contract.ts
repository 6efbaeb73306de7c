import { z } from "zod";
import { IMPORT_ENCODINGS } from "../people/import-schema";
import { PERSON_KINDS } from "../people/schemas";

// The zod schemas of /api/v1 (decision 045): the handlers parse parameters with them, the OpenAPI document
// (lib/api/openapi.ts) is generated from them, and the contract tests validate every answer against that
// document. Aggregates and ids only: no person's name leaves through the API.

const count = z.int().min(0);
const share = z.number().nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ——— Parameters ———

export const OrgPath = z.object({
  org: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).meta({ description: "The organization's slug (as in the app's addresses)." }),
});

export const FiguresQuery = z.object({
  year: z
    .string()
    .regex(/^(20\d\d|2100)$/)
    .optional()
    .meta({ description: "Academic year by its first calendar year (2026 = 2026/2027); the current one when absent." }),
});

export const PairsQuery = z.object({
  program: z.uuid().optional().meta({ description: "The program's id; the school's latest program when absent." }),
});

export const ImportForm = z
  .object({
    file: z.string().meta({ format: "binary", description: "The list of people: .xlsx or .csv, as on the import page." }),
    encoding: z.enum(IMPORT_ENCODINGS).optional().meta({ description: "The .csv file's encoding; detected when absent." }),
    defaultKind: z.enum(PERSON_KINDS).optional().meta({ description: "Kind of the people whose row does not say it (TEACHER when absent)." }),
    mapping: z.string().optional().meta({ description: "JSON list of the field of each column; the header row's suggestion when absent." }),
  })
  .meta({ id: "PeopleImportForm" });

// ——— Answers ———

export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]),
      message: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      details: z.array(z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });

export const OrganizationRef = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), kind: z.enum(["REGION", "MUNICIPALITY", "SCHOOL"]) })
  .meta({ id: "OrganizationRef" });

const PairCounts = z.object({ byOrder: count, active: count, completed: count, dissolved: count });


/** The bank and coverage counts a school row and the district summary both carry (lib/domain/monitoring.ts). */
const PEOPLE_COUNTS = {
  menteesInBank: count,
  mentorsApproved: count,
  teachers: count,
  teachersInvolved: count,
  youngSpecialists: count,
  youngSpecialistsCovered: count,
  students: count,
  studentMentees: count,
  studentMentors: count,
};

export const SchoolFiguresRow = z
  .object({
    schoolId: z.uuid(),
    name: z.string(),
    shortName: z.string().nullable(),
    schoolKind: z.string().nullable(),
    municipalityId: z.uuid().nullable(),
    municipalityName: z.string().nullable(),
    program: z.object({ id: z.uuid(), stage: z.int(), status: z.enum(["ACTIVE", "COMPLETED"]) }).nullable(),
    acts: z.object({ regulation: z.boolean(), roadmap: z.boolean(), curator: z.boolean() }),
    pairs: PairCounts,
    ...PEOPLE_COUNTS,
    overdueActivities: count,
    deadlinesDue: count,
    deadlinesMet: count,
    menteeSatisfaction: share,
    mentorSatisfaction: share,
  })
  .meta({ id: "SchoolFigures", description: "One school's aggregates for the year (the district dashboard's row)." });

const Coverage = z.object({ teachersInvolved: share, youngSpecialistsCovered: share, studentMentees: share, studentMentors: share });

export const DistrictSummary = z
  .object({
    schools: count,
    withProgram: count,
    running: count,
    runningShare: share,
    target: z.number(),
    lagging: count,
    medianRank: z.number().nullable(),
    byStage: z.array(z.object({ key: z.string(), count })),
    pairs: PairCounts,
    ...PEOPLE_COUNTS,
    coverage: Coverage,
    satisfaction: z.object({ mentee: share, mentor: share, menteeSchools: count, mentorSchools: count }),
    overdueActivities: count,
    schoolsWithOverdue: count,
    deadlines: z.object({ due: count, met: count }),
  })
  .meta({ id: "DistrictSummary" });

export const FiguresResponse = z
  .object({
    organization: OrganizationRef,
    year: z.int(),
    asOf: isoDate,
    schools: z.array(SchoolFiguresRow),
    summary: DistrictSummary.nullable().meta({ description: "The district's totals; null for one school." }),
  })
  .meta({ id: "Figures" });

export const SchoolsResponse = z
  .object({
    organization: OrganizationRef,
    schools: z.array(
      z.object({ id: z.uuid(), name: z.string(), shortName: z.string().nullable(), schoolKind: z.string().nullable(), municipalityId: z.uuid().nullable(), municipalityName: z.string().nullable() }),
    ),
  })
  .meta({ id: "Schools" });

export const ProgramsResponse = z
  .object({
    organization: OrganizationRef,
    programs: z.array(
      z.object({
        id: z.uuid(),
        academicYear: z.int(),
        title: z.string(),
        audience: z.enum(["TEACHERS", "STUDENTS", "BOTH"]),
        stage: z.int(),
        status: z.enum(["ACTIVE", "COMPLETED"]),
        startDate: isoDate.nullable(),
        endDate: isoDate.nullable(),
      }),
    ),
  })
  .meta({ id: "Programs" });

export const PairsResponse = z
  .object({
    organization: OrganizationRef,
    program: z.object({ id: z.uuid(), academicYear: z.int() }).nullable(),
    pairs: z.array(
      z.object({
        id: z.uuid(),
        status: z.enum(["PROPOSED", "APPROVED", "ACTIVE", "COMPLETED", "DISSOLVED", "REJECTED"]),
        form: z.string(),
        type: z.string(),
        startsOn: isoDate.nullable(),
        endsOn: isoDate.nullable(),
        mentorId: z.uuid().meta({ description: "The mentor's entry in the mentor bank (an id, no name)." }),
        menteeIds: z.array(z.uuid()).meta({ description: "The mentees' entries in the mentee bank (ids, no names)." }),
      }),
    ),
  })
  .meta({ id: "Pairs" });

export const ImportResponse = z
  .object({ fileName: z.string(), totalRows: count, created: count, skippedDuplicates: count })
  .meta({ id: "PeopleImportReport" });
