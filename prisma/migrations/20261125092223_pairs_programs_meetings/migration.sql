-- CreateEnum
CREATE TYPE "PairStatus" AS ENUM ('PROPOSED', 'APPROVED', 'ACTIVE', 'COMPLETED', 'DISSOLVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MentoringForm" AS ENUM ('TEACHER_TEACHER', 'HEAD_TEACHER', 'UNIVERSITY_TEACHER', 'EMPLOYER_STUDENT', 'STUDENT_STUDENT', 'TEACHER_STUDENT', 'COLLEGE_STUDENT_PUPIL', 'EMPLOYER_PUPIL');

-- CreateEnum
CREATE TYPE "MentoringType" AS ENUM ('TRADITIONAL', 'GROUP', 'VIRTUAL', 'SHORT_TERM', 'REVERSE', 'SITUATIONAL', 'SPEED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('INTRO', 'TRIAL', 'PLANNING', 'REGULAR', 'FINAL', 'GROUP_FINAL');

-- CreateEnum
CREATE TYPE "PlanItemStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "Pair" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "form" "MentoringForm" NOT NULL,
    "type" "MentoringType" NOT NULL,
    "direction" TEXT,
    "status" "PairStatus" NOT NULL DEFAULT 'PROPOSED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "matchScore" DOUBLE PRECISION,
    "matchCriteria" JSONB,
    "startsOn" DATE,
    "endsOn" DATE,
    "proposedById" UUID NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "orderId" UUID,
    "closedReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairMentee" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "menteeId" UUID NOT NULL,

    CONSTRAINT "PairMentee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairOrder" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "localActId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalProgram" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "direction" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "difficulties" TEXT[],
    "expectedResults" TEXT NOT NULL,
    "achievedResults" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonalProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "personalProgramId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "PlanItemStatus" NOT NULL DEFAULT 'PLANNED',
    "result" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "attendeeIds" TEXT[],
    "notes" TEXT,
    "planItemIds" TEXT[],
    "loggedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pair_organizationId_programId_status_idx" ON "Pair"("organizationId", "programId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Pair_organizationId_id_key" ON "Pair"("organizationId", "id");

-- CreateIndex
CREATE INDEX "PairMentee_organizationId_menteeId_idx" ON "PairMentee"("organizationId", "menteeId");

-- CreateIndex
CREATE UNIQUE INDEX "PairMentee_pairId_menteeId_key" ON "PairMentee"("pairId", "menteeId");

-- CreateIndex
CREATE UNIQUE INDEX "PairOrder_organizationId_year_sequence_key" ON "PairOrder"("organizationId", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalProgram_organizationId_id_key" ON "PersonalProgram"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalProgram_organizationId_pairId_key" ON "PersonalProgram"("organizationId", "pairId");

-- CreateIndex
CREATE INDEX "PlanItem_organizationId_personalProgramId_idx" ON "PlanItem"("organizationId", "personalProgramId");

-- CreateIndex
CREATE INDEX "Meeting_organizationId_pairId_idx" ON "Meeting"("organizationId", "pairId");

-- CreateIndex
CREATE UNIQUE INDEX "MenteeProfile_organizationId_id_key" ON "MenteeProfile"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_organizationId_mentorId_fkey" FOREIGN KEY ("organizationId", "mentorId") REFERENCES "MentorProfile"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PairOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairMentee" ADD CONSTRAINT "PairMentee_organizationId_pairId_fkey" FOREIGN KEY ("organizationId", "pairId") REFERENCES "Pair"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairMentee" ADD CONSTRAINT "PairMentee_organizationId_menteeId_fkey" FOREIGN KEY ("organizationId", "menteeId") REFERENCES "MenteeProfile"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairOrder" ADD CONSTRAINT "PairOrder_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairOrder" ADD CONSTRAINT "PairOrder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalProgram" ADD CONSTRAINT "PersonalProgram_organizationId_pairId_fkey" FOREIGN KEY ("organizationId", "pairId") REFERENCES "Pair"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_organizationId_personalProgramId_fkey" FOREIGN KEY ("organizationId", "personalProgramId") REFERENCES "PersonalProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_organizationId_pairId_fkey" FOREIGN KEY ("organizationId", "pairId") REFERENCES "Pair"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- AlterTable
ALTER TABLE "MentoringProgram" ADD COLUMN     "matchingSettings" JSONB;

-- Row-level security for pairs, orders, personalized programs and meetings (docs/decisions/002-tenant-isolation.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON "Pair", "PairMentee", "PairOrder", "PersonalProgram", "PlanItem", "Meeting" TO nastavnik_app;
-- An order, once numbered, is a document: the application never deletes it.
REVOKE DELETE ON "PairOrder" FROM nastavnik_app;

ALTER TABLE "Pair" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Pair" FORCE ROW LEVEL SECURITY;
CREATE POLICY pair_tenant ON "Pair" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "PairMentee" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PairMentee" FORCE ROW LEVEL SECURITY;
CREATE POLICY pair_mentee_tenant ON "PairMentee" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "PairOrder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PairOrder" FORCE ROW LEVEL SECURITY;
CREATE POLICY pair_order_tenant ON "PairOrder" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "PersonalProgram" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PersonalProgram" FORCE ROW LEVEL SECURITY;
CREATE POLICY personal_program_tenant ON "PersonalProgram" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "PlanItem" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanItem" FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_item_tenant ON "PlanItem" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "Meeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Meeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY meeting_tenant ON "Meeting" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
