-- Going live in a real region (issue #13): the platform operator, organization requisites (profile, registry),
-- invitations linked to person cards and e-mailed, and external (OpenID Connect) identities.
-- ExternalIdentity is looked up by issuer+subject before anyone is signed in, like User and LoginAttempt:
-- account data, not tenant data, so no tenant policy (the application reads it only in the sign-in path).

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "emailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "emailStatus" "EmailStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "personId" UUID,
ADD COLUMN     "sentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "email" TEXT,
ADD COLUMN     "headName" TEXT,
ADD COLUMN     "headPosition" TEXT,
ADD COLUMN     "inn" TEXT,
ADD COLUMN     "ogrn" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "place" TEXT,
ADD COLUMN     "website" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isOperator" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ExternalIdentity" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExternalIdentity_userId_idx" ON "ExternalIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_issuer_subject_key" ON "ExternalIdentity"("issuer", "subject");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_personId_idx" ON "Invitation"("organizationId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_inn_key" ON "Organization"("inn");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


GRANT SELECT, INSERT, UPDATE, DELETE ON "ExternalIdentity" TO nastavnik_app;
