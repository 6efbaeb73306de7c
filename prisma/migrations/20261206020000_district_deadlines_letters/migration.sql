-- District deadlines and information letters (issue #16 items 1–2, docs/decisions/047).

-- CreateEnum
CREATE TYPE "DeadlineCondition" AS ENUM ('ACT', 'BANKS', 'SURVEY', 'MARKED');

-- CreateTable
CREATE TABLE "DistrictDeadline" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "dueStart" DATE,
    "dueEnd" DATE NOT NULL,
    "condition" "DeadlineCondition" NOT NULL,
    "actKind" "LocalActKind",
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistrictDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineCompletion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "deadlineId" UUID NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL,
    "markedById" UUID,
    "comment" TEXT,
    "link" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "fileData" BYTEA,

    CONSTRAINT "DeadlineCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfoLetter" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentById" UUID,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "InfoLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfoLetterFile" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "letterId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileData" BYTEA NOT NULL,

    CONSTRAINT "InfoLetterFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfoLetterRecipient" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "letterId" UUID NOT NULL,
    "readAt" TIMESTAMP(3),
    "readById" UUID,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,

    CONSTRAINT "InfoLetterRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DistrictDeadline_organizationId_academicYear_idx" ON "DistrictDeadline"("organizationId", "academicYear");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictDeadline_organizationId_id_key" ON "DistrictDeadline"("organizationId", "id");

-- CreateIndex
CREATE INDEX "DeadlineCompletion_deadlineId_idx" ON "DeadlineCompletion"("deadlineId");

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineCompletion_organizationId_deadlineId_key" ON "DeadlineCompletion"("organizationId", "deadlineId");

-- CreateIndex
CREATE INDEX "InfoLetter_organizationId_sentAt_idx" ON "InfoLetter"("organizationId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "InfoLetter_organizationId_id_key" ON "InfoLetter"("organizationId", "id");

-- CreateIndex
CREATE INDEX "InfoLetterFile_organizationId_letterId_idx" ON "InfoLetterFile"("organizationId", "letterId");

-- CreateIndex
CREATE INDEX "InfoLetterRecipient_officeId_letterId_idx" ON "InfoLetterRecipient"("officeId", "letterId");

-- CreateIndex
CREATE UNIQUE INDEX "InfoLetterRecipient_organizationId_letterId_key" ON "InfoLetterRecipient"("organizationId", "letterId");

-- AddForeignKey
ALTER TABLE "DistrictDeadline" ADD CONSTRAINT "DistrictDeadline_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineCompletion" ADD CONSTRAINT "DeadlineCompletion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineCompletion" ADD CONSTRAINT "DeadlineCompletion_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "DistrictDeadline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoLetter" ADD CONSTRAINT "InfoLetter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoLetterFile" ADD CONSTRAINT "InfoLetterFile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoLetterFile" ADD CONSTRAINT "InfoLetterFile_organizationId_letterId_fkey" FOREIGN KEY ("organizationId", "letterId") REFERENCES "InfoLetter"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoLetterRecipient" ADD CONSTRAINT "InfoLetterRecipient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InfoLetterRecipient" ADD CONSTRAINT "InfoLetterRecipient_officeId_letterId_fkey" FOREIGN KEY ("officeId", "letterId") REFERENCES "InfoLetter"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ——— Row-level security ———

-- The offices above an organization: its parent and its parent's parent (a school → its municipality and
-- region). SECURITY DEFINER: reads the tree whatever the caller's scope.
CREATE OR REPLACE FUNCTION org_ancestor_ids(p_org uuid) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT ARRAY_REMOVE(ARRAY[p."id", p."parentId"], NULL)
  FROM "Organization" o JOIN "Organization" p ON p.id = o."parentId"
  WHERE o.id = p_org
$$;
REVOKE ALL ON FUNCTION org_ancestor_ids(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION org_ancestor_ids(uuid) TO nastavnik_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "DistrictDeadline", "DeadlineCompletion", "InfoLetter", "InfoLetterFile" TO nastavnik_app;

-- A deadline: the office writes its own; the schools below it (a region's: two levels down) read it.
ALTER TABLE "DistrictDeadline" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DistrictDeadline" FORCE ROW LEVEL SECURITY;
CREATE POLICY district_deadline_tenant ON "DistrictDeadline" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY district_deadline_for_schools ON "DistrictDeadline" FOR SELECT
  USING ("organizationId" = ANY (org_ancestor_ids(app_organization_id())));

-- A school's mark with its evidence: the school's own (the office sees the outcome through
-- district_deadline_completions(), never the evidence).
ALTER TABLE "DeadlineCompletion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DeadlineCompletion" FORCE ROW LEVEL SECURITY;
CREATE POLICY deadline_completion_tenant ON "DeadlineCompletion" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

-- A letter row is shared by two organizations: the sender office (all) and the addressed schools (read).
ALTER TABLE "InfoLetterRecipient" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InfoLetterRecipient" FORCE ROW LEVEL SECURITY;
-- The school reads its own addressee rows and records its read and acknowledgement (columns below).
CREATE POLICY info_letter_recipient_school_read ON "InfoLetterRecipient" FOR SELECT
  USING ("organizationId" = app_organization_id());
CREATE POLICY info_letter_recipient_school_update ON "InfoLetterRecipient" FOR UPDATE
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
-- The office reads the rows of its letters and addresses only schools below it.
CREATE POLICY info_letter_recipient_office_read ON "InfoLetterRecipient" FOR SELECT
  USING ("officeId" = app_organization_id());
CREATE POLICY info_letter_recipient_office_insert ON "InfoLetterRecipient" FOR INSERT
  WITH CHECK ("officeId" = app_organization_id() AND app_organization_id() = ANY (org_ancestor_ids("organizationId")));
-- The default privileges gave the table every right: keep only reading, addressing, and the four marks.
REVOKE UPDATE, DELETE ON "InfoLetterRecipient" FROM nastavnik_app;
GRANT SELECT, INSERT ON "InfoLetterRecipient" TO nastavnik_app;
GRANT UPDATE ("readAt", "readById", "acknowledgedAt", "acknowledgedById") ON "InfoLetterRecipient" TO nastavnik_app;

ALTER TABLE "InfoLetter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InfoLetter" FORCE ROW LEVEL SECURITY;
CREATE POLICY info_letter_tenant ON "InfoLetter" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY info_letter_addressed ON "InfoLetter" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "InfoLetterRecipient" r WHERE r."letterId" = "InfoLetter".id AND r."organizationId" = app_organization_id()));

ALTER TABLE "InfoLetterFile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InfoLetterFile" FORCE ROW LEVEL SECURITY;
CREATE POLICY info_letter_file_tenant ON "InfoLetterFile" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY info_letter_file_addressed ON "InfoLetterFile" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "InfoLetterRecipient" r WHERE r."letterId" = "InfoLetterFile"."letterId" AND r."organizationId" = app_organization_id()));

-- ——— When each school did each deadline ———
-- For the organization the transaction is scoped to: a school (itself), a municipality (its schools), a
-- region (the schools of its municipalities); one row per school and deadline of the academic year that
-- reaches it (its title and last day), with the day the school did it (done_on: an act's date) or the instant the condition first
-- held (done_at: the banks formed = the program passed stage 3; the first questionnaire closed; the
-- school's mark). Both null: not done. lib/domain/deadline-timing.ts compares them with the deadline in
-- the school's zone. Outcomes only: no evidence, no names.
CREATE OR REPLACE FUNCTION district_deadline_completions(p_org uuid, p_year integer)
RETURNS TABLE (school_id uuid, time_zone text, deadline_id uuid, title text, due_end date, done_on date, done_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  v_kind "OrganizationKind";
  v_schools uuid[];
BEGIN
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
  RETURN QUERY
  WITH school AS (
    SELECT s.id, s."timeZone", m.id AS municipality_id, m."parentId" AS region_id
    FROM "Organization" s LEFT JOIN "Organization" m ON m.id = s."parentId"
    WHERE s.id = ANY(v_schools)
  ),
  reach AS (
    SELECT s.id AS sid, s."timeZone" AS tz, d.id AS did, d.title, d."dueEnd", d.condition, d."actKind"
    FROM school s JOIN "DistrictDeadline" d ON d."organizationId" IN (s.municipality_id, s.region_id)
    WHERE d."academicYear" = p_year
  ),
  program AS (
    SELECT p.id, p."organizationId" FROM "MentoringProgram" p WHERE p."organizationId" = ANY(v_schools) AND p."academicYear" = p_year
  )
  SELECT r.sid, r.tz, r.did, r.title, r."dueEnd",
    CASE WHEN r.condition = 'ACT' THEN (
      SELECT min(COALESCE(a.date, ((a."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE r.tz)::date))
      FROM "LocalAct" a
      WHERE a."organizationId" = r.sid AND a.kind = r."actKind"
        AND (a."programId" IS NULL OR a."programId" IN (SELECT p.id FROM program p WHERE p."organizationId" = r.sid))
    ) END,
    CASE
      WHEN r.condition = 'BANKS' THEN (
        SELECT min(t."createdAt") AT TIME ZONE 'UTC'
        FROM "StageTransition" t JOIN program p ON p.id = t."programId"
        WHERE t."organizationId" = r.sid AND t."fromStage" <= 3 AND t."toStage" > 3 AND t.kind IN ('ADVANCE', 'OVERRIDE'))
      WHEN r.condition = 'SURVEY' THEN (
        SELECT min(q."closedAt") AT TIME ZONE 'UTC'
        FROM "Questionnaire" q
        WHERE q."organizationId" = r.sid AND q.status = 'CLOSED' AND q."closedAt" IS NOT NULL
          AND ((q."closedAt" AT TIME ZONE 'UTC') AT TIME ZONE r.tz)::date BETWEEN make_date(p_year, 9, 1) AND make_date(p_year + 1, 8, 31))
      WHEN r.condition = 'MARKED' THEN (
        SELECT c."markedAt" AT TIME ZONE 'UTC'
        FROM "DeadlineCompletion" c WHERE c."organizationId" = r.sid AND c."deadlineId" = r.did)
    END
  FROM reach r;
END
$fn$;
REVOKE ALL ON FUNCTION district_deadline_completions(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district_deadline_completions(uuid, integer) TO nastavnik_app;
