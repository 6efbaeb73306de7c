-- Monitoring campaigns of an office to its schools (issue #16 item 3, docs/decisions/048).

-- CreateEnum
CREATE TYPE "MonitoringAnswerType" AS ENUM ('NUMBER', 'PERCENT', 'YES_NO', 'TEXT', 'LINK', 'FILE');

-- CreateEnum
CREATE TYPE "MonitoringSubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CONFIRMED', 'RETURNED');

-- CreateTable
CREATE TABLE "MonitoringCampaign" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "formKey" TEXT,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringIndicator" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "answerType" "MonitoringAnswerType" NOT NULL,
    "libraryKey" TEXT,

    CONSTRAINT "MonitoringIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringSubmission" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "status" "MonitoringSubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "values" JSONB NOT NULL DEFAULT '{}',
    "submittedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" UUID,
    "returnedAt" TIMESTAMP(3),
    "returnedById" UUID,
    "returnComment" TEXT,
    "reopenedUntil" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringEvidence" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileData" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringCampaign_organizationId_academicYear_idx" ON "MonitoringCampaign"("organizationId", "academicYear");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringCampaign_organizationId_id_key" ON "MonitoringCampaign"("organizationId", "id");

-- CreateIndex
CREATE INDEX "MonitoringIndicator_organizationId_campaignId_idx" ON "MonitoringIndicator"("organizationId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringIndicator_organizationId_id_key" ON "MonitoringIndicator"("organizationId", "id");

-- CreateIndex
CREATE INDEX "MonitoringSubmission_officeId_campaignId_idx" ON "MonitoringSubmission"("officeId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringSubmission_organizationId_campaignId_key" ON "MonitoringSubmission"("organizationId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringSubmission_organizationId_id_key" ON "MonitoringSubmission"("organizationId", "id");

-- CreateIndex
CREATE INDEX "MonitoringEvidence_officeId_idx" ON "MonitoringEvidence"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringEvidence_organizationId_submissionId_indicatorId_key" ON "MonitoringEvidence"("organizationId", "submissionId", "indicatorId");

-- AddForeignKey
ALTER TABLE "MonitoringCampaign" ADD CONSTRAINT "MonitoringCampaign_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringIndicator" ADD CONSTRAINT "MonitoringIndicator_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringIndicator" ADD CONSTRAINT "MonitoringIndicator_organizationId_campaignId_fkey" FOREIGN KEY ("organizationId", "campaignId") REFERENCES "MonitoringCampaign"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSubmission" ADD CONSTRAINT "MonitoringSubmission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringSubmission" ADD CONSTRAINT "MonitoringSubmission_officeId_campaignId_fkey" FOREIGN KEY ("officeId", "campaignId") REFERENCES "MonitoringCampaign"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvidence" ADD CONSTRAINT "MonitoringEvidence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvidence" ADD CONSTRAINT "MonitoringEvidence_organizationId_submissionId_fkey" FOREIGN KEY ("organizationId", "submissionId") REFERENCES "MonitoringSubmission"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ——— Row-level security ———

GRANT SELECT, INSERT, UPDATE, DELETE ON "MonitoringCampaign", "MonitoringIndicator", "MonitoringEvidence" TO nastavnik_app;

-- A campaign and its form: the office writes its own; the schools below it (a region's: two levels down) read them.
ALTER TABLE "MonitoringCampaign" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MonitoringCampaign" FORCE ROW LEVEL SECURITY;
CREATE POLICY monitoring_campaign_tenant ON "MonitoringCampaign" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY monitoring_campaign_for_schools ON "MonitoringCampaign" FOR SELECT
  USING ("organizationId" = ANY (org_ancestor_ids(app_organization_id())));

ALTER TABLE "MonitoringIndicator" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MonitoringIndicator" FORCE ROW LEVEL SECURITY;
CREATE POLICY monitoring_indicator_tenant ON "MonitoringIndicator" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY monitoring_indicator_for_schools ON "MonitoringIndicator" FOR SELECT
  USING ("organizationId" = ANY (org_ancestor_ids(app_organization_id())));

-- A school's answer is shared by two organizations: the school writes it (answers, submission, the head's
-- confirmation), the office above it reads it. The office's own decisions (return for correction, reopen
-- after the window) are written only through monitoring_office_decision() below, so the app role may update
-- just the school's columns.
ALTER TABLE "MonitoringSubmission" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MonitoringSubmission" FORCE ROW LEVEL SECURITY;
CREATE POLICY monitoring_submission_school_read ON "MonitoringSubmission" FOR SELECT
  USING ("organizationId" = app_organization_id());
CREATE POLICY monitoring_submission_school_insert ON "MonitoringSubmission" FOR INSERT
  WITH CHECK ("organizationId" = app_organization_id() AND "officeId" = ANY (org_ancestor_ids(app_organization_id())));
CREATE POLICY monitoring_submission_school_update ON "MonitoringSubmission" FOR UPDATE
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY monitoring_submission_office_read ON "MonitoringSubmission" FOR SELECT
  USING ("officeId" = app_organization_id());
REVOKE INSERT, UPDATE, DELETE ON "MonitoringSubmission" FROM nastavnik_app;
GRANT SELECT ON "MonitoringSubmission" TO nastavnik_app;
GRANT INSERT ("id", "organizationId", "officeId", "campaignId", "status", "values", "submittedAt", "submittedById", "confirmedAt", "confirmedById", "createdAt", "updatedAt") ON "MonitoringSubmission" TO nastavnik_app;
GRANT UPDATE ("status", "values", "submittedAt", "submittedById", "confirmedAt", "confirmedById", "updatedAt") ON "MonitoringSubmission" TO nastavnik_app;

-- Evidence: the school's own files; the office reads those of answers that were submitted.
ALTER TABLE "MonitoringEvidence" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MonitoringEvidence" FORCE ROW LEVEL SECURITY;
CREATE POLICY monitoring_evidence_school ON "MonitoringEvidence" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id() AND "officeId" = ANY (org_ancestor_ids(app_organization_id())));
CREATE POLICY monitoring_evidence_office_read ON "MonitoringEvidence" FOR SELECT
  USING ("officeId" = app_organization_id() AND EXISTS (
    SELECT 1 FROM "MonitoringSubmission" s WHERE s.id = "MonitoringEvidence"."submissionId" AND s."submittedAt" IS NOT NULL));

-- The office's decision on one school's answer, for the office the transaction is scoped to only:
-- 'RETURN' sends a submitted (or confirmed) answer back with a comment; 'REOPEN' lets the school submit
-- after the window up to p_until (creating the school's empty answer when it has none). p_at is the app's
-- clock. Returns the rows changed (0: nothing to return, or not this office's campaign or school).
CREATE OR REPLACE FUNCTION monitoring_office_decision(p_campaign uuid, p_school uuid, p_action text, p_comment text, p_until date, p_user uuid, p_at timestamp)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  v_office uuid := app_organization_id();
  v_count integer := 0;
BEGIN
  IF v_office IS NULL
     OR NOT EXISTS (SELECT 1 FROM "MonitoringCampaign" c WHERE c.id = p_campaign AND c."organizationId" = v_office AND c."closedAt" IS NULL)
     OR NOT (v_office = ANY (coalesce(org_ancestor_ids(p_school), ARRAY[]::uuid[]))) THEN
    RETURN 0;
  END IF;
  IF p_action = 'RETURN' THEN
    UPDATE "MonitoringSubmission"
      SET status = 'RETURNED', "returnedAt" = p_at, "returnedById" = p_user, "returnComment" = p_comment, "confirmedAt" = NULL, "confirmedById" = NULL, "updatedAt" = p_at
      WHERE "organizationId" = p_school AND "campaignId" = p_campaign AND "officeId" = v_office AND status IN ('SUBMITTED', 'CONFIRMED');
    GET DIAGNOSTICS v_count = ROW_COUNT;
  ELSIF p_action = 'REOPEN' AND p_until IS NOT NULL THEN
    INSERT INTO "MonitoringSubmission" (id, "organizationId", "officeId", "campaignId", "reopenedUntil", "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), p_school, v_office, p_campaign, p_until, p_at, p_at)
      ON CONFLICT ("organizationId", "campaignId") DO UPDATE SET "reopenedUntil" = EXCLUDED."reopenedUntil", "updatedAt" = EXCLUDED."updatedAt";
    GET DIAGNOSTICS v_count = ROW_COUNT;
  END IF;
  RETURN v_count;
END
$fn$;
REVOKE ALL ON FUNCTION monitoring_office_decision(uuid, uuid, text, text, date, uuid, timestamp) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION monitoring_office_decision(uuid, uuid, text, text, date, uuid, timestamp) TO nastavnik_app;
