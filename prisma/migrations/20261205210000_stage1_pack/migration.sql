-- The stage-1 pack (issue #15 items 1 and 4, docs/decisions/022-stage1-pack.md).
--
-- 1. The school's edited Положение (per program) and the working group of the introduction order; the
--    agreement chain of a local act (СОГЛАСОВАНО / ПРИНЯТО by a council, protocol number and date).
--    Both tables already have forced row-level security; new columns are covered by their policies.

-- CreateEnum
CREATE TYPE "LocalActCouncil" AS ENUM ('PEDAGOGICAL_COUNCIL', 'PARENTS_COUNCIL', 'GENERAL_MEETING');

-- AlterTable
ALTER TABLE "LocalAct" ADD COLUMN     "adoptedBy" "LocalActCouncil",
ADD COLUMN     "adoptedDate" DATE,
ADD COLUMN     "adoptedProtocol" TEXT,
ADD COLUMN     "agreedBy" "LocalActCouncil",
ADD COLUMN     "agreedDate" DATE,
ADD COLUMN     "agreedProtocol" TEXT;

-- AlterTable
ALTER TABLE "MentoringProgram" ADD COLUMN     "regulationText" TEXT,
ADD COLUMN     "workingGroup" TEXT;

-- 2. The district figures count the introduction order (issue #15 item 1): an approved order «О внедрении
--    целевой модели наставничества» approves the Положение and the roadmap and appoints the curator, as
--    lib/domain/stage1-pack.ts coveredActKinds() says for the stage-1 gate. district_school_figures() as in
--    20261205013000_operator_overview otherwise.
CREATE OR REPLACE FUNCTION district_school_figures(p_org uuid, p_year integer, p_today date DEFAULT CURRENT_DATE)
RETURNS TABLE (
  school_id uuid, school_name text, school_short_name text, school_kind text,
  municipality_id uuid, municipality_name text,
  program_id uuid, program_stage integer, program_status text,
  act_regulation boolean, act_roadmap boolean, act_curator boolean,
  pairs_by_order integer, pairs_active integer, pairs_completed integer, pairs_dissolved integer,
  mentees_in_bank integer, mentors_approved integer,
  teachers integer, teachers_involved integer, young_specialists integer, young_specialists_covered integer,
  students integer, student_mentees integer, student_mentors integer,
  activities_overdue integer, deadlines_due integer, deadlines_met integer,
  mentee_satisfaction double precision, mentor_satisfaction double precision
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET jit = off AS $fn$
DECLARE
  v_kind "OrganizationKind";
  v_schools uuid[];
BEGIN
  -- Only for the organization the transaction is scoped to.
  IF p_org IS NULL OR p_org IS DISTINCT FROM app_organization_id() THEN
    RETURN;
  END IF;
  SELECT o.kind INTO v_kind FROM "Organization" o WHERE o.id = p_org;
  IF v_kind = 'SCHOOL' THEN
    v_schools := ARRAY[p_org];
  ELSIF v_kind = 'MUNICIPALITY' THEN
    v_schools := ARRAY(SELECT s.id FROM "Organization" s WHERE s."parentId" = p_org AND s.kind = 'SCHOOL' AND s."archivedAt" IS NULL);
  ELSIF v_kind = 'REGION' THEN
    v_schools := ARRAY(
      SELECT s.id FROM "Organization" m JOIN "Organization" s ON s."parentId" = m.id AND s.kind = 'SCHOOL'
      WHERE m."parentId" = p_org AND m.kind = 'MUNICIPALITY' AND m."archivedAt" IS NULL AND s."archivedAt" IS NULL);
  END IF;
  IF coalesce(cardinality(v_schools), 0) = 0 THEN
    RETURN;
  END IF;
  -- The aggregates: one query over the schools' ids ($1), planned with the actual list (EXECUTE), so that a
  -- municipality's 50 schools get index lookups and a region's thousands get hash joins.
  RETURN QUERY EXECUTE $q$
  WITH school AS (
    SELECT s.id, s.name, s."shortName", s."schoolKind", s."parentId"
    FROM "Organization" s WHERE s.id = ANY($1)
  ),
  program AS (
    SELECT p.id, p."organizationId", p.stage, p.status
    FROM "MentoringProgram" p WHERE p."organizationId" = ANY($1) AND p."academicYear" = $2
  ),
  acts AS (
    SELECT a."organizationId",
      bool_or(a.kind IN ('REGULATION', 'MODEL_INTRODUCTION')) AS regulation,
      bool_or(a.kind IN ('ROADMAP_APPROVAL', 'MODEL_INTRODUCTION')) AS roadmap,
      bool_or(a.kind IN ('CURATOR_APPOINTMENT', 'MODEL_INTRODUCTION')) AS curator
    FROM "LocalAct" a
    LEFT JOIN program p ON p."organizationId" = a."organizationId"
    WHERE a."organizationId" = ANY($1) AND a.status = 'APPROVED'
      AND a.kind IN ('REGULATION', 'ROADMAP_APPROVAL', 'CURATOR_APPOINTMENT', 'MODEL_INTRODUCTION')
      AND (a."programId" IS NULL OR a."programId" = p.id)
    GROUP BY a."organizationId"
  ),
  pairs AS (
    SELECT pr."organizationId",
      count(*) FILTER (WHERE pr."orderId" IS NOT NULL AND pr.status IN ('APPROVED', 'ACTIVE', 'COMPLETED')) AS by_order,
      count(*) FILTER (WHERE pr.status = 'ACTIVE') AS active,
      count(*) FILTER (WHERE pr.status = 'COMPLETED') AS completed,
      count(*) FILTER (WHERE pr.status = 'DISSOLVED') AS dissolved
    FROM "Pair" pr
    WHERE pr."organizationId" = ANY($1) AND pr."programId" IN (SELECT p.id FROM program p)
    GROUP BY pr."organizationId"
  ),
  participant AS (
    -- People in a live or completed pair of the year, with the role they have there.
    SELECT mp."personId", false AS as_mentee
    FROM "Pair" pr JOIN "MentorProfile" mp ON mp.id = pr."mentorId"
    WHERE pr."organizationId" = ANY($1) AND pr."programId" IN (SELECT p.id FROM program p)
      AND pr.status IN ('APPROVED', 'ACTIVE', 'COMPLETED')
    UNION ALL
    SELECT mt."personId", true
    FROM "Pair" pr
    JOIN "PairMentee" pm ON pm."pairId" = pr.id
    JOIN "MenteeProfile" mt ON mt.id = pm."menteeId"
    WHERE pr."organizationId" = ANY($1) AND pr."programId" IN (SELECT p.id FROM program p)
      AND pr.status IN ('APPROVED', 'ACTIVE', 'COMPLETED')
  ),
  involved AS (
    SELECT pa."personId", bool_or(pa.as_mentee) AS as_mentee, bool_or(NOT pa.as_mentee) AS as_mentor
    FROM participant pa GROUP BY pa."personId"
  ),
  people AS (
    SELECT pe."organizationId",
      count(*) FILTER (WHERE pe.kind = 'TEACHER') AS teachers,
      count(*) FILTER (WHERE pe.kind = 'TEACHER' AND i."personId" IS NOT NULL) AS teachers_involved,
      count(*) FILTER (WHERE pe.kind = 'TEACHER' AND pe."experienceYears" <= 3) AS young,
      count(*) FILTER (WHERE pe.kind = 'TEACHER' AND pe."experienceYears" <= 3 AND i.as_mentee) AS young_covered,
      count(*) FILTER (WHERE pe.kind = 'STUDENT') AS students,
      count(*) FILTER (WHERE pe.kind = 'STUDENT' AND i.as_mentee) AS student_mentees,
      count(*) FILTER (WHERE pe.kind = 'STUDENT' AND i.as_mentor) AS student_mentors
    FROM "Person" pe
    LEFT JOIN involved i ON i."personId" = pe.id
    WHERE pe."organizationId" = ANY($1) AND pe.active
    GROUP BY pe."organizationId"
  ),
  -- Bank entries: a revoked consent makes the person inactive and their entries LEFT at once (lib/people).
  mentees AS (
    SELECT mt."organizationId", count(*) AS n
    FROM "MenteeProfile" mt
    WHERE mt."organizationId" = ANY($1) AND mt.status <> 'LEFT'
    GROUP BY mt."organizationId"
  ),
  mentors AS (
    SELECT mp."organizationId", count(*) AS n
    FROM "MentorProfile" mp
    WHERE mp."organizationId" = ANY($1) AND mp.status = 'APPROVED'
    GROUP BY mp."organizationId"
  ),
  overdue AS (
    SELECT ra."organizationId", count(*) AS n
    FROM "RoadmapActivity" ra JOIN program p ON p.id = ra."programId"
    WHERE ra."organizationId" = ANY($1) AND ra.status NOT IN ('DONE', 'CANCELLED') AND ra."dueEnd" < $3
      AND ra.recurrence NOT IN ('CONSTANTLY', 'AS_NEEDED')
    GROUP BY ra."organizationId"
  ),
  deadlines AS (
    -- Per municipality: how many deadlines are due, and how many of them lie before each stage (met[k]:
    -- due deadlines of stages < k, which a program at stage k has passed).
    SELECT ra."organizationId" AS municipality_id, count(*) AS due,
      ARRAY[count(*) FILTER (WHERE ra.stage < 1), count(*) FILTER (WHERE ra.stage < 2), count(*) FILTER (WHERE ra.stage < 3),
            count(*) FILTER (WHERE ra.stage < 4), count(*) FILTER (WHERE ra.stage < 5), count(*) FILTER (WHERE ra.stage < 6),
            count(*) FILTER (WHERE ra.stage < 7)] AS met
    FROM "RoadmapActivity" ra
    WHERE ra."organizationId" IN (SELECT DISTINCT s."parentId" FROM school s)
      AND ra."forSchools" AND ra."academicYear" = $2 AND ra.status <> 'CANCELLED'
      AND ra."dueEnd" < $3 AND ra.recurrence NOT IN ('CONSTANTLY', 'AS_NEEDED')
    GROUP BY ra."organizationId"
  ),
  satisfaction AS (
    SELECT i."organizationId",
      max(i."actualValue") FILTER (WHERE i.kind = 'MENTEE_SATISFACTION') AS mentee,
      max(i."actualValue") FILTER (WHERE i.kind = 'MENTOR_SATISFACTION') AS mentor
    FROM "ProgramIndicator" i JOIN program p ON p.id = i."programId"
    WHERE i."organizationId" = ANY($1) AND i.kind IN ('MENTEE_SATISFACTION', 'MENTOR_SATISFACTION')
    GROUP BY i."organizationId"
  )
  SELECT s.id, s.name, s."shortName", s."schoolKind"::text,
    mu.id, mu.name,
    p.id, p.stage, p.status::text,
    COALESCE(a.regulation, false), COALESCE(a.roadmap, false), COALESCE(a.curator, false),
    COALESCE(pa.by_order, 0)::integer, COALESCE(pa.active, 0)::integer, COALESCE(pa.completed, 0)::integer, COALESCE(pa.dissolved, 0)::integer,
    COALESCE(mt.n, 0)::integer, COALESCE(mr.n, 0)::integer,
    COALESCE(pe.teachers, 0)::integer, COALESCE(pe.teachers_involved, 0)::integer, COALESCE(pe.young, 0)::integer, COALESCE(pe.young_covered, 0)::integer,
    COALESCE(pe.students, 0)::integer, COALESCE(pe.student_mentees, 0)::integer, COALESCE(pe.student_mentors, 0)::integer,
    COALESCE(o.n, 0)::integer,
    COALESCE(d.due, 0)::integer,
    (CASE WHEN d.due IS NULL OR p.id IS NULL THEN 0 WHEN p.status = 'COMPLETED' THEN d.due ELSE d.met[LEAST(GREATEST(p.stage, 1), 7)] END)::integer,
    sa.mentee, sa.mentor
  FROM school s
  LEFT JOIN "Organization" mu ON mu.id = s."parentId"
  LEFT JOIN program p ON p."organizationId" = s.id
  LEFT JOIN acts a ON a."organizationId" = s.id
  LEFT JOIN pairs pa ON pa."organizationId" = s.id
  LEFT JOIN people pe ON pe."organizationId" = s.id
  LEFT JOIN mentees mt ON mt."organizationId" = s.id
  LEFT JOIN mentors mr ON mr."organizationId" = s.id
  LEFT JOIN overdue o ON o."organizationId" = s.id
  LEFT JOIN deadlines d ON d.municipality_id = s."parentId"
  LEFT JOIN satisfaction sa ON sa."organizationId" = s.id
  ORDER BY mu.name, s.name
  $q$ USING v_schools, p_year, p_today;
END
$fn$;
REVOKE ALL ON FUNCTION district_school_figures(uuid, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district_school_figures(uuid, integer, date) TO nastavnik_app;
