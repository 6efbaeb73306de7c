-- The office's public section and district recognition (issue #17 items 5 and 4a, docs/decisions/060).


-- CreateEnum
CREATE TYPE "OfficeDocumentKind" AS ENUM ('MUNICIPAL_REGULATION', 'MUNICIPAL_ROADMAP', 'OTHER');

-- CreateEnum
CREATE TYPE "DistrictAwardKind" AS ENUM ('LETTER_OF_THANKS', 'CERTIFICATE', 'BADGE', 'OTHER');

-- CreateTable
CREATE TABLE "OfficeDocument" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "OfficeDocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "number" TEXT,
    "issuedOn" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileData" BYTEA NOT NULL,
    "publishedOnSite" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficeDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistrictAward" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "personName" TEXT NOT NULL,
    "kind" "DistrictAwardKind" NOT NULL,
    "title" TEXT,
    "awardedOn" DATE NOT NULL,
    "basis" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistrictAward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficeDocument_organizationId_issuedOn_idx" ON "OfficeDocument"("organizationId", "issuedOn");

-- CreateIndex
CREATE INDEX "DistrictAward_organizationId_mentorId_idx" ON "DistrictAward"("organizationId", "mentorId");

-- CreateIndex
CREATE INDEX "DistrictAward_officeId_awardedOn_idx" ON "DistrictAward"("officeId", "awardedOn");

-- AddForeignKey
ALTER TABLE "OfficeDocument" ADD CONSTRAINT "OfficeDocument_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictAward" ADD CONSTRAINT "DistrictAward_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictAward" ADD CONSTRAINT "DistrictAward_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictAward" ADD CONSTRAINT "DistrictAward_organizationId_mentorId_fkey" FOREIGN KEY ("organizationId", "mentorId") REFERENCES "MentorProfile"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ——— Row-level security ———

GRANT SELECT, INSERT, UPDATE, DELETE ON "OfficeDocument" TO nastavnik_app;

-- An office's document: the office's own row; the public section reads it in the office's scope.
ALTER TABLE "OfficeDocument" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OfficeDocument" FORCE ROW LEVEL SECURITY;
CREATE POLICY office_document_tenant ON "OfficeDocument" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

-- An award is shared by two organizations, like a letter's addressee row (decision 047): the mentor's school
-- reads its own rows; the awarding office reads, writes and deletes the rows it wrote, and only for schools
-- below it. Neither side gets anything wider on the other's tables.
ALTER TABLE "DistrictAward" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DistrictAward" FORCE ROW LEVEL SECURITY;
CREATE POLICY district_award_school_read ON "DistrictAward" FOR SELECT
  USING ("organizationId" = app_organization_id());
CREATE POLICY district_award_office_read ON "DistrictAward" FOR SELECT
  USING ("officeId" = app_organization_id());
CREATE POLICY district_award_office_insert ON "DistrictAward" FOR INSERT
  WITH CHECK ("officeId" = app_organization_id() AND app_organization_id() = ANY (org_ancestor_ids("organizationId")));
CREATE POLICY district_award_office_delete ON "DistrictAward" FOR DELETE
  USING ("officeId" = app_organization_id());
-- The default privileges gave the table every right: an award is never edited, only recorded or deleted.
REVOKE UPDATE ON "DistrictAward" FROM nastavnik_app;
GRANT SELECT, INSERT, DELETE ON "DistrictAward" TO nastavnik_app;

-- ——— What the office's public section shows of its schools ———
-- For the office the transaction is scoped to only: its schools whose own «Наставничество» section is published
-- (slug and names, nothing else).
CREATE OR REPLACE FUNCTION office_public_schools(p_office uuid)
RETURNS TABLE (slug text, name text, short_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.slug, o.name, o."shortName"
  FROM "Organization" o
  JOIN "PublicSection" s ON s."organizationId" = o.id AND s."publishedAt" IS NOT NULL
  WHERE o."parentId" = p_office AND p_office = app_organization_id() AND o.kind = 'SCHOOL' AND o."archivedAt" IS NULL
  ORDER BY COALESCE(o."shortName", o.name)
$$;
REVOKE ALL ON FUNCTION office_public_schools(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office_public_schools(uuid) TO nastavnik_app;

-- The best practices those schools published on their own sites (publishedOnSite), the newest first: what each
-- school's public section already shows, and nothing the school only shared with the district.
CREATE OR REPLACE FUNCTION office_public_practices(p_office uuid)
RETURNS TABLE (id uuid, school_slug text, school_name text, kind text, title text, summary text, has_file boolean, updated_at timestamp)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT b.id, o.slug, COALESCE(o."shortName", o.name), b.kind::text, b.title, b.summary, b."fileName" IS NOT NULL, b."updatedAt"
  FROM "BestPractice" b
  JOIN "Organization" o ON o.id = b."organizationId"
  JOIN "PublicSection" s ON s."organizationId" = o.id AND s."publishedAt" IS NOT NULL
  WHERE b."publishedOnSite" AND o."parentId" = p_office AND p_office = app_organization_id() AND o.kind = 'SCHOOL' AND o."archivedAt" IS NULL
  ORDER BY b."updatedAt" DESC
  LIMIT 30
$$;
REVOKE ALL ON FUNCTION office_public_practices(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office_public_practices(uuid) TO nastavnik_app;
