-- Cross-school pairs («открытое наставничество», issue #17 item 1, docs/decisions/058): a mentee of one school with a
-- mentor of another school of the same municipality. The mentee's school owns the pair and its meetings (the tenant
-- policies); the mentor's school, named on the row (mentorOrganizationId), reads them through a second policy, writes
-- only its head's consent and a withdrawal (an UPDATE policy narrowed by a trigger) and adds meetings of an active
-- pair. Names cross the wall only through cross_school_pair_parties(): the mentee's name and position, never the
-- bank's difficulties or request. The district mentor bank's load and the school figures count these pairs.

-- CreateEnum
CREATE TYPE "CrossSchoolPairStatus" AS ENUM ('PROPOSED', 'CONSENTED', 'ACTIVE', 'DECLINED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "CrossSchoolPair" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "menteeId" UUID NOT NULL,
    "mentorOrganizationId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "direction" TEXT,
    "status" "CrossSchoolPairStatus" NOT NULL DEFAULT 'PROPOSED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "proposedById" UUID NOT NULL,
    "consentedById" UUID,
    "consentedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "orderId" UUID,
    "orderNumber" TEXT,
    "orderDate" DATE,
    "closedReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedByOrganizationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrossSchoolPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrossSchoolMeeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "mentorOrganizationId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "notes" TEXT,
    "loggedById" UUID NOT NULL,
    "loggedByOrganizationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrossSchoolMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CrossSchoolPair_organizationId_status_idx" ON "CrossSchoolPair"("organizationId", "status");

-- CreateIndex
CREATE INDEX "CrossSchoolPair_mentorOrganizationId_status_idx" ON "CrossSchoolPair"("mentorOrganizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CrossSchoolPair_organizationId_id_key" ON "CrossSchoolPair"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CrossSchoolPair_organizationId_id_mentorOrganizationId_key" ON "CrossSchoolPair"("organizationId", "id", "mentorOrganizationId");

-- CreateIndex
CREATE INDEX "CrossSchoolMeeting_organizationId_pairId_idx" ON "CrossSchoolMeeting"("organizationId", "pairId");

-- CreateIndex
CREATE INDEX "CrossSchoolMeeting_mentorOrganizationId_pairId_idx" ON "CrossSchoolMeeting"("mentorOrganizationId", "pairId");

-- AddForeignKey
ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_organizationId_menteeId_fkey" FOREIGN KEY ("organizationId", "menteeId") REFERENCES "MenteeProfile"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_mentorOrganizationId_fkey" FOREIGN KEY ("mentorOrganizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_mentorOrganizationId_mentorId_fkey" FOREIGN KEY ("mentorOrganizationId", "mentorId") REFERENCES "MentorProfile"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PairOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolMeeting" ADD CONSTRAINT "CrossSchoolMeeting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossSchoolMeeting" ADD CONSTRAINT "CrossSchoolMeeting_organizationId_pairId_mentorOrganizatio_fkey" FOREIGN KEY ("organizationId", "pairId", "mentorOrganizationId") REFERENCES "CrossSchoolPair"("organizationId", "id", "mentorOrganizationId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CrossSchoolPair" ADD CONSTRAINT "CrossSchoolPair_two_schools_check" CHECK ("mentorOrganizationId" <> "organizationId");

-- Row-level security: the owner (the mentee's school) reads and writes; the mentor's school reads and decides.
ALTER TABLE "CrossSchoolPair" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CrossSchoolPair" FORCE ROW LEVEL SECURITY;
CREATE POLICY cross_school_pair_tenant ON "CrossSchoolPair" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY cross_school_pair_mentor_school_read ON "CrossSchoolPair" FOR SELECT
  USING ("mentorOrganizationId" = app_organization_id());
CREATE POLICY cross_school_pair_mentor_school_decide ON "CrossSchoolPair" FOR UPDATE
  USING ("mentorOrganizationId" = app_organization_id())
  WITH CHECK ("mentorOrganizationId" = app_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "CrossSchoolPair" TO nastavnik_app;

-- What the mentor's school may change: its head's consent or refusal of a proposal, and a withdrawal — nothing else.
CREATE FUNCTION cross_school_pair_mentor_school_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $fn$
BEGIN
  IF app_organization_id() IS NOT NULL AND app_organization_id() = OLD."mentorOrganizationId" THEN
    IF (NEW.id, NEW."organizationId", NEW."programId", NEW."menteeId", NEW."mentorOrganizationId", NEW."mentorId", NEW.direction,
        NEW."proposedById", NEW."approvedById", NEW."approvedAt", NEW."orderId", NEW."orderNumber", NEW."orderDate", NEW."createdAt")
       IS DISTINCT FROM
       (OLD.id, OLD."organizationId", OLD."programId", OLD."menteeId", OLD."mentorOrganizationId", OLD."mentorId", OLD.direction,
        OLD."proposedById", OLD."approvedById", OLD."approvedAt", OLD."orderId", OLD."orderNumber", OLD."orderDate", OLD."createdAt") THEN
      RAISE EXCEPTION 'the mentor''s school may change only its consent and a withdrawal' USING ERRCODE = '42501';
    END IF;
    IF NOT ((OLD.status = 'PROPOSED' AND NEW.status IN ('CONSENTED', 'DECLINED'))
         OR (OLD.status IN ('PROPOSED', 'CONSENTED', 'ACTIVE') AND NEW.status = 'WITHDRAWN')) THEN
      RAISE EXCEPTION 'the mentor''s school may not move a pair from % to %', OLD.status, NEW.status USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER cross_school_pair_mentor_school_guard BEFORE UPDATE ON "CrossSchoolPair"
  FOR EACH ROW EXECUTE FUNCTION cross_school_pair_mentor_school_guard();

-- A withdrawn active pair returns its mentee to the waiting list of the mentee's school, whichever school withdrew it
-- (the mentor's school cannot write the bank; this trigger does, for that one entry only), unless another pair holds them.
CREATE FUNCTION cross_school_pair_mentee_released() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
BEGIN
  IF OLD.status = 'ACTIVE' AND NEW.status = 'WITHDRAWN' THEN
    UPDATE "MenteeProfile" e SET status = 'WAITING'
    WHERE e.id = NEW."menteeId" AND e."organizationId" = NEW."organizationId" AND e.status = 'PAIRED'
      AND NOT EXISTS (SELECT 1 FROM "PairMentee" pm JOIN "Pair" p ON p.id = pm."pairId" WHERE pm."menteeId" = e.id AND p.status IN ('APPROVED', 'ACTIVE'))
      AND NOT EXISTS (SELECT 1 FROM "CrossSchoolPair" c WHERE c."menteeId" = e.id AND c.id <> NEW.id AND c.status = 'ACTIVE');
  END IF;
  RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION cross_school_pair_mentee_released() FROM PUBLIC;
CREATE TRIGGER cross_school_pair_mentee_released AFTER UPDATE OF status ON "CrossSchoolPair"
  FOR EACH ROW EXECUTE FUNCTION cross_school_pair_mentee_released();

ALTER TABLE "CrossSchoolMeeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CrossSchoolMeeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY cross_school_meeting_tenant ON "CrossSchoolMeeting" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY cross_school_meeting_mentor_school_read ON "CrossSchoolMeeting" FOR SELECT
  USING ("mentorOrganizationId" = app_organization_id());
-- The mentor logs meetings of an active pair from their own school; no update or delete from there.
CREATE POLICY cross_school_meeting_mentor_school_log ON "CrossSchoolMeeting" FOR INSERT
  WITH CHECK ("mentorOrganizationId" = app_organization_id() AND "loggedByOrganizationId" = app_organization_id()
    AND EXISTS (SELECT 1 FROM "CrossSchoolPair" c WHERE c.id = "pairId" AND c."mentorOrganizationId" = app_organization_id() AND c.status = 'ACTIVE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON "CrossSchoolMeeting" TO nastavnik_app;

-- The people of a cross-school pair, for its two schools only: names and positions, never the bank's sensitive fields.
CREATE FUNCTION cross_school_pair_parties(p_org uuid)
RETURNS TABLE (
  pair_id uuid, mentee_school_id uuid, mentee_school_name text, mentor_school_id uuid, mentor_school_name text, program_title text,
  mentee_last_name text, mentee_first_name text, mentee_middle_name text, mentee_position text, mentee_user_id uuid,
  mentor_last_name text, mentor_first_name text, mentor_middle_name text, mentor_position text, mentor_user_id uuid
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, c."organizationId", COALESCE(so."shortName", so.name), c."mentorOrganizationId", COALESCE(mo."shortName", mo.name), pg.title,
    pe."lastName", pe."firstName", pe."middleName", pe.position, pe."userId",
    pm."lastName", pm."firstName", pm."middleName", pm.position, pm."userId"
  FROM "CrossSchoolPair" c
  JOIN "MenteeProfile" e ON e.id = c."menteeId"
  JOIN "Person" pe ON pe.id = e."personId"
  JOIN "MentorProfile" m ON m.id = c."mentorId"
  JOIN "Person" pm ON pm.id = m."personId"
  JOIN "Organization" so ON so.id = c."organizationId"
  JOIN "Organization" mo ON mo.id = c."mentorOrganizationId"
  JOIN "MentoringProgram" pg ON pg.id = c."programId"
  -- Only for the organization the transaction is scoped to, and only its own pairs on either side.
  WHERE p_org = app_organization_id() AND (c."organizationId" = p_org OR c."mentorOrganizationId" = p_org)
$$;
REVOKE ALL ON FUNCTION cross_school_pair_parties(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cross_school_pair_parties(uuid) TO nastavnik_app;

-- The district mentor bank's load counts the mentor's pairs across schools: their own school's and the cross-school
-- ones still in play (decision 058). Same signature and columns as 20261125095000_district_open_mentors.
CREATE OR REPLACE FUNCTION district_open_mentors(p_org uuid)
RETURNS TABLE (
  mentor_id uuid, organization_id uuid, organization_name text, person_id uuid,
  last_name text, first_name text, middle_name text, "position" text, subjects text[], competencies text[],
  experience_years integer, kind text, capacity integer, taken integer, birth_date date, minor boolean, consents jsonb
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH scope AS (
    SELECT CASE WHEN x.kind = 'SCHOOL' THEN x."parentId" ELSE x.id END AS district_id
    FROM "Organization" x
    -- Only for the organization the transaction is scoped to.
    WHERE x.id = p_org AND p_org = app_organization_id()
  )
  SELECT m.id, m."organizationId", COALESCE(o."shortName", o.name), p.id,
    p."lastName", p."firstName", p."middleName", p.position, COALESCE(p.subjects, ARRAY[]::text[]), COALESCE(m.competencies, ARRAY[]::text[]),
    p."experienceYears", p.kind::text, m.capacity,
    (SELECT count(*)::integer FROM "PairMentee" pm JOIN "Pair" pr ON pr.id = pm."pairId"
      WHERE pr."mentorId" = m.id AND pr.status IN ('PROPOSED', 'APPROVED', 'ACTIVE'))
    + (SELECT count(*)::integer FROM "CrossSchoolPair" cp WHERE cp."mentorId" = m.id AND cp.status IN ('PROPOSED', 'CONSENTED', 'ACTIVE')),
    p."birthDate", p.minor,
    (SELECT COALESCE(jsonb_agg(jsonb_build_object(
        'purposes', c.purposes, 'givenBy', c."givenBy", 'representativeName', c."representativeName",
        'givenAt', c."givenAt", 'validUntil', c."validUntil", 'revokedAt', c."revokedAt", 'separateDocument', c."separateDocument")), '[]'::jsonb)
      FROM "Consent" c WHERE c."personId" = p.id)
  FROM "MentorProfile" m
  JOIN "Person" p ON p.id = m."personId"
  JOIN "Organization" o ON o.id = m."organizationId"
  JOIN scope s ON o."parentId" = s.district_id
  WHERE m.status = 'APPROVED' AND m."districtVisibleSince" IS NOT NULL AND p.active AND m."organizationId" <> p_org
$$;

-- The school figures (decision 055) count cross-school pairs and their meetings for the mentee's school; the kept
-- figures are emptied (computed again on the next read) and the two tables mark their owner's figures stale.
DELETE FROM "SchoolFiguresKept";

CREATE OR REPLACE FUNCTION school_figures_compute(p_schools uuid[], p_year integer, p_today date)
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
    SELECT pr.id, pr."organizationId", pr."mentorId", pr.status, pr."orderId" IS NOT NULL AS by_order, NULL::uuid AS cross_mentee_id
    FROM "Pair" pr
    WHERE pr."organizationId" = ANY($1) AND pr."programId" IN (SELECT p.id FROM program p)
      AND pr.status IN ('APPROVED', 'ACTIVE', 'COMPLETED', 'DISSOLVED')
    UNION ALL
    -- Cross-school pairs (decision 058), once, for the mentee's school that owns them: approved by its head, active
    -- or withdrawn after the approval (counted as dissolved).
    SELECT c.id, c."organizationId", c."mentorId", (CASE WHEN c.status = 'ACTIVE' THEN 'ACTIVE' ELSE 'DISSOLVED' END)::"PairStatus", c."orderId" IS NOT NULL, c."menteeId"
    FROM "CrossSchoolPair" c
    WHERE c."organizationId" = ANY($1) AND c."programId" IN (SELECT p.id FROM program p)
      AND c."approvedAt" IS NOT NULL AND c.status IN ('ACTIVE', 'WITHDRAWN')
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
    FROM (SELECT m."pairId", count(*) AS n FROM "Meeting" m WHERE m."organizationId" = ANY($1) GROUP BY m."pairId"
      UNION ALL
      SELECT cm."pairId", count(*) FROM "CrossSchoolMeeting" cm WHERE cm."organizationId" = ANY($1) GROUP BY cm."pairId") mc
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
    -- The mentor of a cross-school pair is another school's person: the owner's figures count the mentee only.
    WHERE w.cross_mentee_id IS NULL
    UNION ALL
    SELECT mt."personId", true, w.status <> 'DISSOLVED'
    FROM worked_pair w JOIN "MenteeProfile" mt ON mt.id = w.cross_mentee_id
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
  ),
  latest_after AS (
    -- The latest closed «после» assessment of the year's program that names its «до» (latestAssessment in
    -- lib/domain/effectiveness.ts: the newest by closing; no «до» closed in the same program → no growth).
    SELECT DISTINCT ON (q."organizationId") q."organizationId", q.id, q.questions, q."comparedWithId", q."programId"
    FROM "Questionnaire" q JOIN program p ON p.id = q."programId"
    WHERE q."organizationId" = ANY($1) AND q.kind = 'ASSESSMENT_AFTER' AND q.status = 'CLOSED' AND q."comparedWithId" IS NOT NULL
    ORDER BY q."organizationId", q."closedAt" DESC NULLS LAST
  ),
  criterion AS (
    -- Its scale questions that the «до» asked too (by id): the criteria (compareAssessments).
    SELECT la."organizationId", la.id AS after_id, b.id AS before_id, aq->>'id' AS qid
    FROM latest_after la
    JOIN "Questionnaire" b ON b.id = la."comparedWithId" AND b."programId" = la."programId" AND b.status = 'CLOSED'
      AND b.kind IN ('SATISFACTION_MENTEE', 'SATISFACTION_MENTOR', 'ASSESSMENT_BEFORE', 'ASSESSMENT_AFTER')
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(la.questions) = 'array' THEN la.questions ELSE '[]'::jsonb END) aq
    WHERE aq->>'type' = 'scale'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(b.questions) = 'array' THEN b.questions ELSE '[]'::jsonb END) bq
                  WHERE bq->>'type' = 'scale' AND bq->>'id' = aq->>'id')
  ),
  side_mean AS (
    -- Each side's mean per criterion over the numeric answers (a number, or digits typed as text), rounded to
    -- hundredths as the TypeScript does it (Math.round(x) = floor(x + 0.5), in double precision). One pass over the
    -- answers of the questionnaires compared.
    SELECT r."questionnaireId" AS questionnaire_id, kv.key AS qid, floor(avg((kv.value #>> '{}')::float8) * 100 + 0.5) / 100 AS mean
    FROM "SurveyRecipient" r
    CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(r.answers) = 'object' THEN r.answers ELSE '{}'::jsonb END) kv
    WHERE r."organizationId" = ANY($1) AND r."answeredAt" IS NOT NULL
      AND r."questionnaireId" IN (SELECT c.after_id FROM criterion c UNION SELECT c.before_id FROM criterion c)
      AND (jsonb_typeof(kv.value) = 'number' OR (jsonb_typeof(kv.value) = 'string' AND kv.value #>> '{}' ~ '^[0-9]+$'))
    GROUP BY r."questionnaireId", kv.key
  ),
  criterion_change AS (
    -- The difference of the rounded means, rounded; null when a side has no numeric answer.
    SELECT c."organizationId", floor((a.mean - b.mean) * 100 + 0.5) / 100 AS change
    FROM criterion c
    LEFT JOIN side_mean b ON b.questionnaire_id = c.before_id AND b.qid = c.qid
    LEFT JOIN side_mean a ON a.questionnaire_id = c.after_id AND a.qid = c.qid
  ),
  growth AS (
    SELECT cc."organizationId", count(cc.change) AS criteria, count(*) FILTER (WHERE cc.change > 0) AS up
    FROM criterion_change cc GROUP BY cc."organizationId"
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
    COALESCE(pe.young_mentored_stayed, 0)::integer, COALESCE(pe.young_left, 0)::integer,
    COALESCE(g.criteria, 0)::integer, COALESCE(g.up, 0)::integer
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
  LEFT JOIN growth g ON g."organizationId" = s.id
  ORDER BY mu.name, s.name
  $q$ USING p_schools, p_year, p_today;
END
$fn$;

DO $do$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['CrossSchoolPair', 'CrossSchoolMeeting']
  LOOP
    EXECUTE format('CREATE TRIGGER figures_changed_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed()', t);
    EXECUTE format('CREATE TRIGGER figures_changed_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed()', t);
    EXECUTE format('CREATE TRIGGER figures_changed_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figures_changed()', t);
  END LOOP;
END
$do$;
