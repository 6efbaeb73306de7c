-- The results of the year's programs in the district figures (issue #16 item 4, docs/decisions/053-district-results.md).
-- district_school_figures() as in 20261205210000_stage1_pack, with more columns at the end (so the function is dropped
-- and created again: a function's result type cannot be replaced):
--   act_introduction, act_incentive — an approved order on introducing the model, an approved incentive regulation;
--   pairs_worked — pairs of the year's program approved by order or later (dissolved ones included: they worked);
--   programs_approved — of them, those with an approved personalized program;
--   plan_items, plan_items_done — the items of those pairs' personalized programs (cancelled ones left out), done;
--   meetings — the meetings those pairs logged; cases, awards — the program's best practices and awards;
--   site_published — the public «Наставничество» section was published by the academic year's end;
--   minor_students, minor_mentees, minor_mentors — students under 18 on 1 September of the year (a birth date, or
--     the «minor» mark without one), and of them mentees / mentors (the passport's age band, seed 001);
--   young_worked, young_mentored, young_mentored_stayed, young_left — young specialists (teachers with up to 3 years)
--     who worked at the school in the year (hire and leaving dates), mentored in a pair that worked, mentored and
--     still there at the year's end, and those who left in the year (lib/domain/retention.ts, the same rules).
-- The retention counts everyone recorded (people who left are inactive); everything else counts the active, as before.
-- It counts more at about the same cost: the year's pairs that worked are read once (the pair counts, the
-- participants, plan items and meetings all start from them) and meetings are counted per pair before the join.
-- (Filtering by a join to the schools instead of `= ANY($1)` planned a region faster but made a municipality five
-- times slower: not done.) Measured with npm run bench:dashboard (README).
DROP FUNCTION IF EXISTS district_school_figures(uuid, integer, date);

CREATE FUNCTION district_school_figures(p_org uuid, p_year integer, p_today date DEFAULT CURRENT_DATE)
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
  mentee_satisfaction double precision, mentor_satisfaction double precision,
  act_introduction boolean, act_incentive boolean,
  pairs_worked integer, programs_approved integer, plan_items integer, plan_items_done integer,
  meetings integer, cases integer, awards integer, site_published boolean,
  minor_students integer, minor_mentees integer, minor_mentors integer,
  young_worked integer, young_mentored integer, young_mentored_stayed integer, young_left integer
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
      bool_or(a.kind IN ('CURATOR_APPOINTMENT', 'MODEL_INTRODUCTION')) AS curator,
      bool_or(a.kind = 'MODEL_INTRODUCTION') AS introduction,
      bool_or(a.kind = 'INCENTIVE_REGULATION') AS incentive
    FROM "LocalAct" a
    LEFT JOIN program p ON p."organizationId" = a."organizationId"
    WHERE a."organizationId" = ANY($1) AND a.status = 'APPROVED'
      AND a.kind IN ('REGULATION', 'ROADMAP_APPROVAL', 'CURATOR_APPOINTMENT', 'MODEL_INTRODUCTION', 'INCENTIVE_REGULATION')
      AND (a."programId" IS NULL OR a."programId" = p.id)
    GROUP BY a."organizationId"
  ),
  worked_pair AS (
    -- The year's pairs that worked (approved by order or later; dissolved ones included), read once.
    SELECT pr.id, pr."organizationId", pr."mentorId", pr.status, pr."orderId" IS NOT NULL AS by_order
    FROM "Pair" pr
    WHERE pr."organizationId" = ANY($1) AND pr."programId" IN (SELECT p.id FROM program p)
      AND pr.status IN ('APPROVED', 'ACTIVE', 'COMPLETED', 'DISSOLVED')
  ),
  pairs AS (
    SELECT w."organizationId",
      count(*) FILTER (WHERE w.by_order AND w.status <> 'DISSOLVED') AS by_order,
      count(*) FILTER (WHERE w.status = 'ACTIVE') AS active,
      count(*) FILTER (WHERE w.status = 'COMPLETED') AS completed,
      count(*) FILTER (WHERE w.status = 'DISSOLVED') AS dissolved,
      count(*) AS worked,
      count(*) FILTER (WHERE pp.status = 'APPROVED') AS programs_approved
    FROM worked_pair w
    LEFT JOIN "PersonalProgram" pp ON pp."organizationId" = w."organizationId" AND pp."pairId" = w.id
    GROUP BY w."organizationId"
  ),
  plan AS (
    SELECT it."organizationId",
      count(*) FILTER (WHERE it.status <> 'CANCELLED') AS items,
      count(*) FILTER (WHERE it.status = 'DONE') AS done
    FROM "PlanItem" it
    JOIN "PersonalProgram" pp ON pp.id = it."personalProgramId"
    JOIN worked_pair w ON w.id = pp."pairId"
    WHERE it."organizationId" = ANY($1)
    GROUP BY it."organizationId"
  ),
  meeting AS (
    SELECT w."organizationId", sum(mc.n) AS n
    FROM (SELECT m."pairId", count(*) AS n FROM "Meeting" m WHERE m."organizationId" = ANY($1) GROUP BY m."pairId") mc
    JOIN worked_pair w ON w.id = mc."pairId"
    GROUP BY w."organizationId"
  ),
  program_counts AS (
    SELECT p."organizationId",
      (SELECT count(*) FROM "BestPractice" b WHERE b."organizationId" = p."organizationId" AND b."programId" = p.id) AS cases,
      (SELECT count(*) FROM "Award" aw WHERE aw."organizationId" = p."organizationId" AND aw."programId" = p.id) AS awards
    FROM program p
  ),
  participant AS (
    -- People in a pair of the year that worked, with the role they have there; «involved»: the pair is live or
    -- completed (the coverage), a dissolved pair counts for the retention only.
    SELECT mp."personId", false AS as_mentee, w.status <> 'DISSOLVED' AS involved
    FROM worked_pair w JOIN "MentorProfile" mp ON mp.id = w."mentorId"
    UNION ALL
    SELECT mt."personId", true, w.status <> 'DISSOLVED'
    FROM worked_pair w
    JOIN "PairMentee" pm ON pm."pairId" = w.id
    JOIN "MenteeProfile" mt ON mt.id = pm."menteeId"
  ),
  involved AS (
    SELECT pa."personId",
      bool_or(pa.as_mentee AND pa.involved) AS as_mentee,
      bool_or(NOT pa.as_mentee AND pa.involved) AS as_mentor,
      bool_or(pa.as_mentee) AS worked_mentee
    FROM participant pa GROUP BY pa."personId"
  ),
  person AS NOT MATERIALIZED (
    SELECT x.id, x."organizationId", x.kind, x.active, x."experienceYears",
      (x."birthDate" > make_date($2 - 18, 9, 1) OR (x."birthDate" IS NULL AND x.minor)) AS minor_then,
      (x.kind = 'TEACHER' AND x."experienceYears" <= 3
        AND (x."leftOn" IS NULL OR x."leftOn" >= make_date($2, 9, 1))
        AND (x."hiredOn" IS NULL OR x."hiredOn" <= make_date($2 + 1, 8, 31))) AS young_then,
      (x."leftOn" IS NOT NULL AND x."leftOn" <= make_date($2 + 1, 8, 31)) AS left_then
    FROM "Person" x
    WHERE x."organizationId" = ANY($1)
  ),
  people AS (
    SELECT pe."organizationId",
      count(*) FILTER (WHERE pe.active AND pe.kind = 'TEACHER') AS teachers,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'TEACHER' AND pe."experienceYears" <= 3) AS young,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'STUDENT') AS students,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'STUDENT' AND pe.minor_then) AS minor_students,
      count(*) FILTER (WHERE pe.young_then) AS young_worked,
      count(*) FILTER (WHERE pe.young_then AND pe.left_then) AS young_left,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'TEACHER' AND (i.as_mentee OR i.as_mentor)) AS teachers_involved,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'TEACHER' AND pe."experienceYears" <= 3 AND i.as_mentee) AS young_covered,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'STUDENT' AND i.as_mentee) AS student_mentees,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'STUDENT' AND i.as_mentor) AS student_mentors,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'STUDENT' AND pe.minor_then AND i.as_mentee) AS minor_mentees,
      count(*) FILTER (WHERE pe.active AND pe.kind = 'STUDENT' AND pe.minor_then AND i.as_mentor) AS minor_mentors,
      count(*) FILTER (WHERE pe.young_then AND i.worked_mentee) AS young_mentored,
      count(*) FILTER (WHERE pe.young_then AND i.worked_mentee AND NOT pe.left_then) AS young_mentored_stayed
    FROM person pe LEFT JOIN involved i ON i."personId" = pe.id
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
    sa.mentee, sa.mentor,
    COALESCE(a.introduction, false), COALESCE(a.incentive, false),
    COALESCE(pa.worked, 0)::integer, COALESCE(pa.programs_approved, 0)::integer,
    COALESCE(pl.items, 0)::integer, COALESCE(pl.done, 0)::integer,
    COALESCE(me.n, 0)::integer, COALESCE(pc.cases, 0)::integer, COALESCE(pc.awards, 0)::integer,
    COALESCE(ps."publishedAt" < make_date($2 + 1, 9, 1), false),
    COALESCE(pe.minor_students, 0)::integer, COALESCE(pe.minor_mentees, 0)::integer, COALESCE(pe.minor_mentors, 0)::integer,
    COALESCE(pe.young_worked, 0)::integer, COALESCE(pe.young_mentored, 0)::integer,
    COALESCE(pe.young_mentored_stayed, 0)::integer, COALESCE(pe.young_left, 0)::integer
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
  LEFT JOIN plan pl ON pl."organizationId" = s.id
  LEFT JOIN meeting me ON me."organizationId" = s.id
  LEFT JOIN program_counts pc ON pc."organizationId" = s.id
  LEFT JOIN "PublicSection" ps ON ps."organizationId" = s.id
  ORDER BY mu.name, s.name
  $q$ USING v_schools, p_year, p_today;
END
$fn$;
REVOKE ALL ON FUNCTION district_school_figures(uuid, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district_school_figures(uuid, integer, date) TO nastavnik_app;
