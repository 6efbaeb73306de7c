-- CreateEnum
CREATE TYPE "ProgramAudience" AS ENUM ('TEACHERS', 'STUDENTS', 'BOTH');

-- CreateEnum
CREATE TYPE "ProgramStatus" AS ENUM ('ACTIVE', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DueRecurrence" AS ENUM ('ONCE', 'ANNUALLY', 'QUARTERLY', 'CONSTANTLY', 'AS_NEEDED');

-- CreateEnum
CREATE TYPE "LocalActKind" AS ENUM ('MODEL_INTRODUCTION', 'REGULATION', 'ROADMAP_APPROVAL', 'CURATOR_APPOINTMENT', 'INCENTIVE_REGULATION', 'PAIRS_ORDER', 'OTHER');

-- CreateEnum
CREATE TYPE "LocalActStatus" AS ENUM ('REGISTERED', 'APPROVED');

-- CreateEnum
CREATE TYPE "StageTransitionKind" AS ENUM ('ADVANCE', 'OVERRIDE', 'RETURN', 'COMPLETE');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('STUDENT_MENTEES_SHARE', 'STUDENT_MENTORS_SHARE', 'YOUNG_SPECIALISTS_SHARE', 'TEACHERS_INVOLVED_SHARE', 'PARTNER_MENTORS_SHARE', 'MENTEE_SATISFACTION', 'MENTOR_SATISFACTION', 'CUSTOM');

-- CreateTable
CREATE TABLE "MentoringProgram" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "audience" "ProgramAudience" NOT NULL,
    "stage" INTEGER NOT NULL DEFAULT 1,
    "status" "ProgramStatus" NOT NULL DEFAULT 'ACTIVE',
    "curatorId" UUID,
    "coordinatorId" UUID,
    "goal" TEXT,
    "tasks" TEXT,
    "expectedResults" TEXT,
    "risks" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentoringProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramIndicator" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '%',
    "targets" JSONB NOT NULL DEFAULT '{}',
    "actualValue" DOUBLE PRECISION,
    "actualEnteredById" UUID,
    "actualEnteredAt" TIMESTAMP(3),
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProgramIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoadmapActivity" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "content" TEXT,
    "dueText" TEXT NOT NULL,
    "dueStart" DATE,
    "dueEnd" DATE,
    "recurrence" "DueRecurrence" NOT NULL DEFAULT 'ONCE',
    "responsibleUserId" UUID,
    "responsibleText" TEXT,
    "expectedResult" TEXT,
    "status" "ActivityStatus" NOT NULL DEFAULT 'PLANNED',
    "completedAt" DATE,
    "evidence" TEXT,
    "forSchools" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoadmapActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalAct" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID,
    "kind" "LocalActKind" NOT NULL,
    "number" TEXT,
    "date" DATE,
    "title" TEXT NOT NULL,
    "status" "LocalActStatus" NOT NULL DEFAULT 'REGISTERED',
    "registeredById" UUID NOT NULL,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalAct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageTransition" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "kind" "StageTransitionKind" NOT NULL,
    "fromStage" INTEGER NOT NULL,
    "toStage" INTEGER NOT NULL,
    "reason" TEXT,
    "unmetConditions" JSONB,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MentoringProgram_organizationId_idx" ON "MentoringProgram"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringProgram_organizationId_academicYear_key" ON "MentoringProgram"("organizationId", "academicYear");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringProgram_organizationId_id_key" ON "MentoringProgram"("organizationId", "id");

-- CreateIndex
CREATE INDEX "ProgramIndicator_organizationId_programId_idx" ON "ProgramIndicator"("organizationId", "programId");

-- CreateIndex
CREATE INDEX "RoadmapActivity_organizationId_programId_stage_idx" ON "RoadmapActivity"("organizationId", "programId", "stage");

-- CreateIndex
CREATE INDEX "RoadmapActivity_organizationId_forSchools_academicYear_idx" ON "RoadmapActivity"("organizationId", "forSchools", "academicYear");

-- CreateIndex
CREATE INDEX "LocalAct_organizationId_programId_idx" ON "LocalAct"("organizationId", "programId");

-- CreateIndex
CREATE UNIQUE INDEX "LocalAct_organizationId_id_key" ON "LocalAct"("organizationId", "id");

-- CreateIndex
CREATE INDEX "StageTransition_organizationId_programId_createdAt_idx" ON "StageTransition"("organizationId", "programId", "createdAt");

-- AddForeignKey
ALTER TABLE "MentoringProgram" ADD CONSTRAINT "MentoringProgram_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringProgram" ADD CONSTRAINT "MentoringProgram_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringProgram" ADD CONSTRAINT "MentoringProgram_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramIndicator" ADD CONSTRAINT "ProgramIndicator_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramIndicator" ADD CONSTRAINT "ProgramIndicator_actualEnteredById_fkey" FOREIGN KEY ("actualEnteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoadmapActivity" ADD CONSTRAINT "RoadmapActivity_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoadmapActivity" ADD CONSTRAINT "RoadmapActivity_responsibleUserId_fkey" FOREIGN KEY ("responsibleUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalAct" ADD CONSTRAINT "LocalAct_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalAct" ADD CONSTRAINT "LocalAct_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalAct" ADD CONSTRAINT "LocalAct_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageTransition" ADD CONSTRAINT "StageTransition_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageTransition" ADD CONSTRAINT "StageTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security for the program tables (docs/decisions/002-tenant-isolation.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON "MentoringProgram", "ProgramIndicator", "RoadmapActivity", "LocalAct", "StageTransition" TO nastavnik_app;
-- The stage log is append-only for the application.
REVOKE UPDATE, DELETE ON "StageTransition" FROM nastavnik_app;

ALTER TABLE "MentoringProgram" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MentoringProgram" FORCE ROW LEVEL SECURITY;
CREATE POLICY mentoring_program_tenant ON "MentoringProgram" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "ProgramIndicator" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProgramIndicator" FORCE ROW LEVEL SECURITY;
CREATE POLICY program_indicator_tenant ON "ProgramIndicator" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "RoadmapActivity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RoadmapActivity" FORCE ROW LEVEL SECURITY;
CREATE POLICY roadmap_activity_tenant ON "RoadmapActivity" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
-- A municipal office's deadlines for its schools are readable by those schools (read only).
CREATE POLICY roadmap_activity_district_deadlines ON "RoadmapActivity" FOR SELECT
  USING ("forSchools" AND "organizationId" = (SELECT o."parentId" FROM "Organization" o WHERE o.id = app_organization_id()));

ALTER TABLE "LocalAct" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "LocalAct" FORCE ROW LEVEL SECURITY;
CREATE POLICY local_act_tenant ON "LocalAct" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "StageTransition" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StageTransition" FORCE ROW LEVEL SECURITY;
CREATE POLICY stage_transition_tenant ON "StageTransition" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
