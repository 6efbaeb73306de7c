-- CreateEnum
CREATE TYPE "BestPracticeKind" AS ENUM ('CASE', 'MATERIAL');

-- CreateEnum
CREATE TYPE "AwardKind" AS ENUM ('LETTER_OF_THANKS', 'CERTIFICATE', 'OTHER');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('NONE', 'QUEUED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "LocalAct" ADD COLUMN     "publishedOnSite" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "BestPractice" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID,
    "pairId" UUID,
    "kind" "BestPracticeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT,
    "tags" TEXT[],
    "fileName" TEXT,
    "fileType" TEXT,
    "fileData" BYTEA,
    "sharedWithDistrict" BOOLEAN NOT NULL DEFAULT false,
    "publishedOnSite" BOOLEAN NOT NULL DEFAULT false,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BestPractice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "AwardKind" NOT NULL,
    "title" TEXT NOT NULL,
    "awardedOn" DATE NOT NULL,
    "basis" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "News" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "News_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicSection" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "intro" TEXT,
    "contacts" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "emailTo" TEXT,
    "emailStatus" "EmailStatus" NOT NULL DEFAULT 'NONE',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BestPractice_organizationId_idx" ON "BestPractice"("organizationId");

-- CreateIndex
CREATE INDEX "Award_organizationId_programId_idx" ON "Award"("organizationId", "programId");

-- CreateIndex
CREATE INDEX "News_organizationId_publishedAt_idx" ON "News"("organizationId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublicSection_organizationId_key" ON "PublicSection"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_dedupeKey_key" ON "Reminder"("dedupeKey");

-- CreateIndex
CREATE INDEX "Reminder_organizationId_userId_readAt_idx" ON "Reminder"("organizationId", "userId", "readAt");

-- CreateIndex
CREATE INDEX "Reminder_emailStatus_nextAttemptAt_idx" ON "Reminder"("emailStatus", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "BestPractice" ADD CONSTRAINT "BestPractice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BestPractice" ADD CONSTRAINT "BestPractice_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BestPractice" ADD CONSTRAINT "BestPractice_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "MentoringProgram"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "News" ADD CONSTRAINT "News_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "News" ADD CONSTRAINT "News_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicSection" ADD CONSTRAINT "PublicSection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Row-level security (docs/decisions/002-tenant-isolation.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON "BestPractice", "Award", "News", "PublicSection", "Reminder" TO nastavnik_app;

ALTER TABLE "BestPractice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BestPractice" FORCE ROW LEVEL SECURITY;
CREATE POLICY best_practice_tenant ON "BestPractice" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
-- The методическая копилка: a school shares a case with its district by choice — the other schools of the
-- municipality and its office may read it (read only).
CREATE POLICY best_practice_district_read ON "BestPractice" FOR SELECT
  USING ("sharedWithDistrict" AND "organizationId" IN (
    SELECT o.id FROM "Organization" o
    WHERE o."parentId" = (SELECT CASE WHEN me.kind = 'SCHOOL' THEN me."parentId" ELSE me.id END FROM "Organization" me WHERE me.id = app_organization_id())
  ));

ALTER TABLE "Award" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Award" FORCE ROW LEVEL SECURITY;
CREATE POLICY award_tenant ON "Award" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "News" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "News" FORCE ROW LEVEL SECURITY;
CREATE POLICY news_tenant ON "News" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "PublicSection" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PublicSection" FORCE ROW LEVEL SECURITY;
CREATE POLICY public_section_tenant ON "PublicSection" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "Reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY reminder_tenant ON "Reminder" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
