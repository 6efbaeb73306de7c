-- Kept school figures (issue #16, docs/decisions/055-kept-school-figures.md): a region's dashboard read 2,000 schools'
-- figures computed afresh on every load (≈ 500 ms of SQL alone). Now each school's figures for an academic year are kept
-- (SchoolFiguresKept, computed for a day) and read instead, unless something they are computed from changed since:
--   * every table district_school_figures() reads has statement-level triggers that add a FiguresChange row per
--     organization written (append-only: writers never wait for each other or for the refresh);
--   * a kept row counts only if it was computed for the reader's day and no FiguresChange of the school or of its
--     municipality (whose deadlines and name it shows) exists; every other school is computed in the read, as before —
--     so a page shows exactly what the live computation would, whatever the refresh has done;
--   * school_figures_refresh(), called by the scheduler, takes the change rows it sees, drops the kept rows they make
--     stale, and computes the missing ones (this and the year before, each school's municipality's day) — in one
--     transaction: a change committed meanwhile keeps its row, so its school stays computed live until the next run.
-- district_school_figures() keeps its name, arguments and columns (now a named row type, school_figures, so the kept
-- rows, the computation and the read share one definition); its query moves unchanged to school_figures_compute().
-- Changing the figures' columns later: ALTER the type and the functions, and DELETE FROM "SchoolFiguresKept".

-- CreateTable
CREATE TABLE "SchoolFiguresKept" (
    "organizationId" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "figures" JSONB NOT NULL,
    "keptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolFiguresKept_pkey" PRIMARY KEY ("organizationId","academicYear")
);

-- CreateTable
CREATE TABLE "FiguresChange" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FiguresChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FiguresChange_organizationId_idx" ON "FiguresChange"("organizationId");

-- Both tables are the database's own bookkeeping: the application role loses the default grant on them (only the
-- functions below, run as their owner, read and write them); the policies are the usual tenant ones, for the rule that every table with
-- an organizationId has forced row-level security.
REVOKE ALL ON "SchoolFiguresKept", "FiguresChange" FROM nastavnik_app;
REVOKE ALL ON SEQUENCE "FiguresChange_id_seq" FROM nastavnik_app;
ALTER TABLE "SchoolFiguresKept" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SchoolFiguresKept" FORCE ROW LEVEL SECURITY;
CREATE POLICY school_figures_kept_tenant ON "SchoolFiguresKept" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
ALTER TABLE "FiguresChange" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "FiguresChange" FORCE ROW LEVEL SECURITY;
CREATE POLICY figures_change_tenant ON "FiguresChange" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

DROP FUNCTION IF EXISTS district_school_figures(uuid, integer, date);

CREATE TYPE school_figures AS (
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
);

-- The computation for a list of schools (the query of 20261206120000_district_results, unchanged). Internal: called
-- by the two functions below as their owner; no grant.
CREATE FUNCTION school_figures_compute(p_schools uuid[], p_year integer, p_today date)
RETURNS SETOF school_figures
LANGUAGE plpgsql STABLE SET search_path = public SET jit = off AS $fn$
BEGIN
  IF coalesce(cardinality(p_schools), 0) = 0 THEN
    RETURN;
  END IF;
  -- Planned with the actual list (EXECUTE), so that a few schools get index lookups and thousands get hash joins.
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
  $q$ USING p_schools, p_year, p_today;
END
$fn$;
REVOKE ALL ON FUNCTION school_figures_compute(uuid[], integer, date) FROM PUBLIC;

CREATE FUNCTION district_school_figures(p_org uuid, p_year integer, p_today date DEFAULT CURRENT_DATE)
RETURNS SETOF school_figures
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
  -- The schools whose kept figures hold (computed for this day, and nothing of the school or its municipality written
  -- since: a change row exists until the refresh has taken it into account) are read; the others are computed.
  RETURN QUERY
    WITH kept AS (
      SELECT k."organizationId", k.figures FROM "SchoolFiguresKept" k JOIN "Organization" s ON s.id = k."organizationId"
      WHERE k."organizationId" = ANY(v_schools) AND k."academicYear" = p_year AND k.day = p_today
        AND NOT EXISTS (SELECT 1 FROM "FiguresChange" c WHERE c."organizationId" = k."organizationId")
        AND NOT EXISTS (SELECT 1 FROM "FiguresChange" c WHERE c."organizationId" = s."parentId")
    )
    SELECT f.* FROM (
      SELECT r.* FROM kept k, LATERAL jsonb_populate_record(NULL::school_figures, k.figures) r
      UNION ALL
      SELECT * FROM school_figures_compute(ARRAY(SELECT x FROM unnest(v_schools) x WHERE x NOT IN (SELECT k."organizationId" FROM kept k)), p_year, p_today)
    ) f
    ORDER BY f.municipality_name, f.school_name;
END
$fn$;
REVOKE ALL ON FUNCTION district_school_figures(uuid, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district_school_figures(uuid, integer, date) TO nastavnik_app;

-- The refresh (lib/monitoring/kept-figures.ts runs it from the scheduler; one at a time — another caller gets -1):
-- takes the change rows it sees, drops the kept rows they make stale, then computes up to p_limit missing or outdated
-- (school, year) rows for p_now: the academic year under way on each school's municipality's calendar day and the year
-- before. Returns how many rows it computed. One transaction: nothing half-done is ever visible.
CREATE FUNCTION school_figures_refresh(p_now timestamptz, p_limit integer DEFAULT 500)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public SET jit = off AS $fn$
DECLARE
  v_changed uuid[];
  v_group record;
  v_done integer := 0;
  v_n integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('school_figures_refresh')) THEN
    RETURN -1;
  END IF;
  WITH taken AS (DELETE FROM "FiguresChange" RETURNING "organizationId")
  SELECT coalesce(array_agg(DISTINCT t."organizationId"), '{}') INTO v_changed FROM taken t;
  IF cardinality(v_changed) > 0 THEN
    DELETE FROM "SchoolFiguresKept" k USING "Organization" s
    WHERE s.id = k."organizationId" AND (k."organizationId" = ANY(v_changed) OR s."parentId" = ANY(v_changed));
  END IF;
  -- What is wanted: every live school under a municipality, for its day's academic year and the one before.
  FOR v_group IN
    WITH school_day AS (
      SELECT s.id, (p_now AT TIME ZONE m."timeZone")::date AS today
      FROM "Organization" s JOIN "Organization" m ON m.id = s."parentId" AND m.kind = 'MUNICIPALITY'
      WHERE s.kind = 'SCHOOL' AND s."archivedAt" IS NULL
    ),
    wanted AS (
      SELECT d.id, d.today, y.year
      FROM school_day d,
        LATERAL (SELECT (extract(year FROM d.today)::integer - CASE WHEN extract(month FROM d.today) >= 9 THEN 0 ELSE 1 END) AS current) c,
        LATERAL (VALUES (c.current), (c.current - 1)) AS y(year)
    ),
    missing AS (
      SELECT w.* FROM wanted w
      WHERE NOT EXISTS (SELECT 1 FROM "SchoolFiguresKept" k WHERE k."organizationId" = w.id AND k."academicYear" = w.year AND k.day = w.today)
      ORDER BY w.year DESC, w.id
      LIMIT p_limit
    )
    SELECT m.today, m.year, array_agg(m.id ORDER BY m.id) AS schools FROM missing m GROUP BY m.today, m.year
  LOOP
    INSERT INTO "SchoolFiguresKept" ("organizationId", "academicYear", day, figures)
      SELECT f.school_id, v_group.year, v_group.today, to_jsonb(f)
      FROM school_figures_compute(v_group.schools, v_group.year, v_group.today) f
      ORDER BY f.school_id
    ON CONFLICT ("organizationId", "academicYear") DO UPDATE SET day = EXCLUDED.day, figures = EXCLUDED.figures, "keptAt" = CURRENT_TIMESTAMP;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_done := v_done + v_n;
  END LOOP;
  RETURN v_done;
END
$fn$;
REVOKE ALL ON FUNCTION school_figures_refresh(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION school_figures_refresh(timestamptz, integer) TO nastavnik_app;

-- The change triggers: one row per statement and organization written (INSERT … SELECT DISTINCT from the statement's
-- transition tables). Run as the owner: the application role has no grant on FiguresChange.
CREATE FUNCTION figures_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "FiguresChange" ("organizationId") SELECT DISTINCT n."organizationId" FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "FiguresChange" ("organizationId") SELECT n."organizationId" FROM new_rows n UNION SELECT o."organizationId" FROM old_rows o;
  ELSE
    INSERT INTO "FiguresChange" ("organizationId") SELECT DISTINCT o."organizationId" FROM old_rows o;
  END IF;
  RETURN NULL;
END
$fn$;

-- Organizations: the row's own id (a name, a municipality, archiving, a move to another municipality).
CREATE FUNCTION figures_changed_organization() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "FiguresChange" ("organizationId") SELECT n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "FiguresChange" ("organizationId") SELECT n.id FROM new_rows n;
  ELSE
    INSERT INTO "FiguresChange" ("organizationId") SELECT o.id FROM old_rows o;
  END IF;
  RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION figures_changed() FROM PUBLIC;
REVOKE ALL ON FUNCTION figures_changed_organization() FROM PUBLIC;

DO $do$
DECLARE
  t text;
  f text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Organization', 'MentoringProgram', 'LocalAct', 'Pair', 'PairMentee', 'PersonalProgram', 'PlanItem',
    'Meeting', 'BestPractice', 'Award', 'Person', 'MenteeProfile', 'MentorProfile', 'RoadmapActivity', 'ProgramIndicator',
    'PublicSection']
  LOOP
    f := CASE WHEN t = 'Organization' THEN 'figures_changed_organization' ELSE 'figures_changed' END;
    EXECUTE format('CREATE TRIGGER figures_changed_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t, f);
    EXECUTE format('CREATE TRIGGER figures_changed_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t, f);
    EXECUTE format('CREATE TRIGGER figures_changed_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', t, f);
  END LOOP;
END
$do$;
