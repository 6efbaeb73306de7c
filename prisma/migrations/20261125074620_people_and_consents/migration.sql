-- CreateEnum
CREATE TYPE "PersonKind" AS ENUM ('TEACHER', 'STUDENT', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('BANK', 'PAIRS', 'SURVEYS', 'PUBLICATION');

-- CreateEnum
CREATE TYPE "ConsentGivenBy" AS ENUM ('SUBJECT', 'REPRESENTATIVE');

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "PersonKind" NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" DATE,
    "minor" BOOLEAN NOT NULL DEFAULT false,
    "position" TEXT,
    "subjects" TEXT[],
    "experienceYears" INTEGER,
    "qualificationCategory" TEXT,
    "grade" TEXT,
    "externalOrganization" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "userId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inactiveReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "purposes" "ConsentPurpose"[],
    "givenBy" "ConsentGivenBy" NOT NULL,
    "representativeName" TEXT,
    "representativeDocument" TEXT,
    "givenAt" DATE NOT NULL,
    "validUntil" DATE,
    "separateDocument" BOOLEAN NOT NULL DEFAULT true,
    "revokedAt" DATE,
    "revocationReason" TEXT,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Person_organizationId_lastName_idx" ON "Person"("organizationId", "lastName");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organizationId_id_key" ON "Person"("organizationId", "id");

-- CreateIndex
CREATE INDEX "Consent_organizationId_personId_idx" ON "Consent"("organizationId", "personId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security for people and consents (docs/decisions/002-tenant-isolation.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON "Person", "Consent" TO nastavnik_app;
-- A consent is evidence: it is revoked (dated, with a reason), never deleted by the application.
REVOKE DELETE ON "Consent" FROM nastavnik_app;

ALTER TABLE "Person" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Person" FORCE ROW LEVEL SECURITY;
CREATE POLICY person_tenant ON "Person" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

ALTER TABLE "Consent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Consent" FORCE ROW LEVEL SECURITY;
CREATE POLICY consent_tenant ON "Consent" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
