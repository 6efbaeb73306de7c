-- The personalized program's full shape (issue #15 item 5, docs/decisions/028-personal-program-shape.md):
-- tasks, working mode, intermediate results, the curator's approval (status, version, who and when), and
-- the planned meeting schedule (PlannedMeeting; a logged meeting holds its planned one via meetingId).
-- Existing programs keep every value: goals, expected (итоговые) and achieved results are untouched; the
-- new columns start empty and every existing program starts as a draft awaiting approval.
-- CreateEnum
CREATE TYPE "WorkingMode" AS ENUM ('IN_PERSON', 'REMOTE', 'MIXED');

-- CreateEnum
CREATE TYPE "PersonalProgramStatus" AS ENUM ('DRAFT', 'APPROVED');

-- AlterTable
ALTER TABLE "PersonalProgram" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" UUID,
ADD COLUMN     "approvedVersion" INTEGER,
ADD COLUMN     "intermediateResults" TEXT,
ADD COLUMN     "status" "PersonalProgramStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "tasks" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "workingMode" "WorkingMode";

-- CreateTable
CREATE TABLE "PlannedMeeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "personalProgramId" UUID NOT NULL,
    "plannedOn" DATE NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "topic" TEXT NOT NULL,
    "meetingId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlannedMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlannedMeeting_meetingId_key" ON "PlannedMeeting"("meetingId");

-- CreateIndex
CREATE INDEX "PlannedMeeting_organizationId_personalProgramId_idx" ON "PlannedMeeting"("organizationId", "personalProgramId");

-- AddForeignKey
ALTER TABLE "PersonalProgram" ADD CONSTRAINT "PersonalProgram_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedMeeting" ADD CONSTRAINT "PlannedMeeting_organizationId_personalProgramId_fkey" FOREIGN KEY ("organizationId", "personalProgramId") REFERENCES "PersonalProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedMeeting" ADD CONSTRAINT "PlannedMeeting_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Row-level security: the planned meetings belong to the school like the program they are part of.
ALTER TABLE "PlannedMeeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlannedMeeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY planned_meeting_tenant ON "PlannedMeeting" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "PlannedMeeting" TO nastavnik_app;
