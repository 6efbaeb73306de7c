-- CreateEnum
CREATE TYPE "MenteeCategory" AS ENUM ('YOUNG_SPECIALIST', 'RETURNING', 'NEW_PLACE', 'GROWTH', 'DIGITAL', 'BURNOUT', 'OTHER_DIFFICULTIES', 'INTERN', 'LOW_RESULTS', 'GIFTED', 'DISABILITIES', 'STUDENT_OTHER');

-- CreateEnum
CREATE TYPE "InformationSource" AS ENUM ('QUESTIONNAIRE', 'CLASS_TEACHER', 'PSYCHOLOGIST', 'PARENTS');

-- CreateEnum
CREATE TYPE "MenteeStatus" AS ENUM ('WAITING', 'PAIRED', 'LEFT');

-- CreateEnum
CREATE TYPE "MentorStatus" AS ENUM ('CANDIDATE', 'TRAINED', 'APPROVED', 'LEFT');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('SESSION', 'COURSE', 'SEMINAR', 'OTHER');

-- CreateEnum
CREATE TYPE "QuestionnaireKind" AS ENUM ('MENTEE_NEEDS', 'MENTOR_PROFILE', 'PREFERENCE', 'SATISFACTION_MENTEE', 'SATISFACTION_MENTOR', 'ASSESSMENT_BEFORE', 'ASSESSMENT_AFTER', 'CUSTOM');

-- CreateEnum
CREATE TYPE "QuestionnaireStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "fileData" BYTEA,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fileType" TEXT;

-- CreateTable
CREATE TABLE "MenteeProfile" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "category" "MenteeCategory" NOT NULL,
    "difficulties" TEXT[],
    "request" TEXT,
    "source" "InformationSource" NOT NULL,
    "status" "MenteeStatus" NOT NULL DEFAULT 'WAITING',
    "leftReason" TEXT,
    "fromRecipientId" UUID,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MenteeProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorProfile" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "competencies" TEXT[],
    "achievements" TEXT,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "status" "MentorStatus" NOT NULL DEFAULT 'CANDIDATE',
    "leftReason" TEXT,
    "districtVisibleSince" DATE,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorTraining" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "finishedOn" DATE NOT NULL,
    "hours" INTEGER,
    "document" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorTraining_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID,
    "kind" "QuestionnaireKind" NOT NULL,
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "status" "QuestionnaireStatus" NOT NULL DEFAULT 'DRAFT',
    "closesOn" DATE,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "comparedWithId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRecipient" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "questionnaireId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "tokenHash" TEXT,
    "linkExpiresAt" TIMESTAMP(3),
    "linkUsedAt" TIMESTAMP(3),
    "answers" JSONB,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MenteeProfile_organizationId_personId_key" ON "MenteeProfile"("organizationId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_organizationId_id_key" ON "MentorProfile"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_organizationId_personId_key" ON "MentorProfile"("organizationId", "personId");

-- CreateIndex
CREATE INDEX "MentorTraining_organizationId_mentorId_idx" ON "MentorTraining"("organizationId", "mentorId");

-- CreateIndex
CREATE INDEX "Questionnaire_organizationId_status_idx" ON "Questionnaire"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Questionnaire_organizationId_id_key" ON "Questionnaire"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRecipient_tokenHash_key" ON "SurveyRecipient"("tokenHash");

-- CreateIndex
CREATE INDEX "SurveyRecipient_organizationId_questionnaireId_idx" ON "SurveyRecipient"("organizationId", "questionnaireId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRecipient_questionnaireId_personId_key" ON "SurveyRecipient"("questionnaireId", "personId");

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorTraining" ADD CONSTRAINT "MentorTraining_organizationId_mentorId_fkey" FOREIGN KEY ("organizationId", "mentorId") REFERENCES "MentorProfile"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Questionnaire" ADD CONSTRAINT "Questionnaire_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Questionnaire" ADD CONSTRAINT "Questionnaire_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRecipient" ADD CONSTRAINT "SurveyRecipient_organizationId_questionnaireId_fkey" FOREIGN KEY ("organizationId", "questionnaireId") REFERENCES "Questionnaire"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRecipient" ADD CONSTRAINT "SurveyRecipient_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for the banks and questionnaires (docs/decisions/002-tenant-isolation.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON "MenteeProfile", "MentorProfile", "MentorTraining", "Questionnaire", "SurveyRecipient" TO nastavnik_app;

ALTER TABLE "MenteeProfile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MenteeProfile" FORCE ROW LEVEL SECURITY;
CREATE POLICY mentee_profile_tenant ON "MenteeProfile" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "MentorProfile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MentorProfile" FORCE ROW LEVEL SECURITY;
CREATE POLICY mentor_profile_tenant ON "MentorProfile" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "MentorTraining" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MentorTraining" FORCE ROW LEVEL SECURITY;
CREATE POLICY mentor_training_tenant ON "MentorTraining" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "Questionnaire" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Questionnaire" FORCE ROW LEVEL SECURITY;
CREATE POLICY questionnaire_tenant ON "Questionnaire" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "SurveyRecipient" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SurveyRecipient" FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_recipient_tenant ON "SurveyRecipient" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

-- Someone holding a one-time survey link (not signed in) may find that one row by its token hash;
-- everything after that runs in the organization's scope.
CREATE OR REPLACE FUNCTION app_survey_token_hash() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.survey_token_hash', true), '') $$;
CREATE POLICY survey_recipient_by_token_read ON "SurveyRecipient" FOR SELECT
  USING ("tokenHash" = app_survey_token_hash());
