-- District communities (issue #17 item 2, docs/decisions/059): the office's councils, schools for young teachers
-- and methodological associations; their members and attendance are the schools' rows naming the office.


-- CreateEnum
CREATE TYPE "CommunityKind" AS ENUM ('MENTOR_COUNCIL', 'YOUNG_TEACHER_SCHOOL', 'METHOD_ASSOCIATION');

-- AlterEnum
ALTER TYPE "ConsentPurpose" ADD VALUE 'DISTRICT_COMMUNITIES';

-- CreateTable
CREATE TABLE "DistrictCommunity" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "CommunityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "area" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistrictCommunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityMember" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "position" TEXT,
    "curator" BOOLEAN NOT NULL DEFAULT false,
    "mentor" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "addedById" UUID,

    CONSTRAINT "CommunityMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityMeeting" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "agenda" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityAttendance" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "memberId" UUID NOT NULL,

    CONSTRAINT "CommunityAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityMaterial" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "fileData" BYTEA NOT NULL,
    "addedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DistrictCommunity_organizationId_kind_idx" ON "DistrictCommunity"("organizationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictCommunity_organizationId_id_key" ON "DistrictCommunity"("organizationId", "id");

-- CreateIndex
CREATE INDEX "CommunityMember_officeId_communityId_idx" ON "CommunityMember"("officeId", "communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityMember_organizationId_id_key" ON "CommunityMember"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityMember_communityId_personId_key" ON "CommunityMember"("communityId", "personId");

-- CreateIndex
CREATE INDEX "CommunityMeeting_organizationId_communityId_date_idx" ON "CommunityMeeting"("organizationId", "communityId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityMeeting_organizationId_id_key" ON "CommunityMeeting"("organizationId", "id");

-- CreateIndex
CREATE INDEX "CommunityAttendance_officeId_meetingId_idx" ON "CommunityAttendance"("officeId", "meetingId");

-- CreateIndex
CREATE INDEX "CommunityAttendance_organizationId_memberId_idx" ON "CommunityAttendance"("organizationId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityAttendance_meetingId_memberId_key" ON "CommunityAttendance"("meetingId", "memberId");

-- CreateIndex
CREATE INDEX "CommunityMaterial_organizationId_meetingId_idx" ON "CommunityMaterial"("organizationId", "meetingId");

-- AddForeignKey
ALTER TABLE "DistrictCommunity" ADD CONSTRAINT "DistrictCommunity_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMember" ADD CONSTRAINT "CommunityMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMember" ADD CONSTRAINT "CommunityMember_officeId_communityId_fkey" FOREIGN KEY ("officeId", "communityId") REFERENCES "DistrictCommunity"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMember" ADD CONSTRAINT "CommunityMember_organizationId_personId_fkey" FOREIGN KEY ("organizationId", "personId") REFERENCES "Person"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMeeting" ADD CONSTRAINT "CommunityMeeting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMeeting" ADD CONSTRAINT "CommunityMeeting_organizationId_communityId_fkey" FOREIGN KEY ("organizationId", "communityId") REFERENCES "DistrictCommunity"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityAttendance" ADD CONSTRAINT "CommunityAttendance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityAttendance" ADD CONSTRAINT "CommunityAttendance_officeId_meetingId_fkey" FOREIGN KEY ("officeId", "meetingId") REFERENCES "CommunityMeeting"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityAttendance" ADD CONSTRAINT "CommunityAttendance_organizationId_memberId_fkey" FOREIGN KEY ("organizationId", "memberId") REFERENCES "CommunityMember"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMaterial" ADD CONSTRAINT "CommunityMaterial_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMaterial" ADD CONSTRAINT "CommunityMaterial_organizationId_meetingId_fkey" FOREIGN KEY ("organizationId", "meetingId") REFERENCES "CommunityMeeting"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ——— Row-level security ———

GRANT SELECT, INSERT, UPDATE, DELETE ON "DistrictCommunity", "CommunityMeeting", "CommunityMaterial" TO nastavnik_app;

-- A community and its meetings: the office writes its own; the schools below it read them (name, kind, date, agenda —
-- no personal data), to show their own people's participation.
ALTER TABLE "DistrictCommunity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DistrictCommunity" FORCE ROW LEVEL SECURITY;
CREATE POLICY district_community_tenant ON "DistrictCommunity" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY district_community_for_schools ON "DistrictCommunity" FOR SELECT
  USING ("organizationId" = ANY (org_ancestor_ids(app_organization_id())));

ALTER TABLE "CommunityMeeting" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CommunityMeeting" FORCE ROW LEVEL SECURITY;
CREATE POLICY community_meeting_tenant ON "CommunityMeeting" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY community_meeting_for_schools ON "CommunityMeeting" FOR SELECT
  USING ("organizationId" = ANY (org_ancestor_ids(app_organization_id())));

-- A meeting's materials: the office's own files.
ALTER TABLE "CommunityMaterial" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CommunityMaterial" FORCE ROW LEVEL SECURITY;
CREATE POLICY community_material_tenant ON "CommunityMaterial" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());

-- A member and an attendance are shared by two organizations, as InfoLetterRecipient (decision 047): the school's
-- row (its person) naming the office. The school reads its own; the office reads the rows naming it and inserts
-- them only for schools below it. Nobody updates or deletes them through the app (a person deleted by the school
-- takes its rows along by the foreign keys).
ALTER TABLE "CommunityMember" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CommunityMember" FORCE ROW LEVEL SECURITY;
CREATE POLICY community_member_school_read ON "CommunityMember" FOR SELECT
  USING ("organizationId" = app_organization_id());
CREATE POLICY community_member_office_read ON "CommunityMember" FOR SELECT
  USING ("officeId" = app_organization_id());
CREATE POLICY community_member_office_insert ON "CommunityMember" FOR INSERT
  WITH CHECK ("officeId" = app_organization_id() AND app_organization_id() = ANY (org_ancestor_ids("organizationId")));
REVOKE UPDATE, DELETE ON "CommunityMember" FROM nastavnik_app;
GRANT SELECT, INSERT ON "CommunityMember" TO nastavnik_app;

ALTER TABLE "CommunityAttendance" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CommunityAttendance" FORCE ROW LEVEL SECURITY;
CREATE POLICY community_attendance_school_read ON "CommunityAttendance" FOR SELECT
  USING ("organizationId" = app_organization_id());
CREATE POLICY community_attendance_office_read ON "CommunityAttendance" FOR SELECT
  USING ("officeId" = app_organization_id());
CREATE POLICY community_attendance_office_insert ON "CommunityAttendance" FOR INSERT
  WITH CHECK ("officeId" = app_organization_id() AND app_organization_id() = ANY (org_ancestor_ids("organizationId")));
REVOKE UPDATE, DELETE ON "CommunityAttendance" FROM nastavnik_app;
GRANT SELECT, INSERT ON "CommunityAttendance" TO nastavnik_app;

-- ——— The school's people, as the office may see them (decisions 008, 037) ———
-- The office never reads "Person": these two functions return only the columns a community needs, only for the
-- schools directly below the office the transaction is scoped to, and only people with a consent naming
-- DISTRICT_COMMUNITIES that is in force on p_today (given, not revoked, not expired; the action then applies the
-- whole rule of lib/domain/consent.ts to the consents community_person returns). The purpose is compared as
-- text: the enum value is new in this migration.

-- The candidates of one school of the office: active, not left, with such a consent.
CREATE OR REPLACE FUNCTION community_candidates(p_school uuid, p_today date)
RETURNS TABLE (person_id uuid, last_name text, first_name text, middle_name text, "position" text, curator boolean, mentor boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT p.id, p."lastName", p."firstName", p."middleName", p."position",
    EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = p."organizationId" AND m."userId" = p."userId" AND m.role = 'CURATOR'),
    EXISTS (SELECT 1 FROM "MentorProfile" mp WHERE mp."organizationId" = p."organizationId" AND mp."personId" = p.id AND mp.status = 'APPROVED')
      OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = p."organizationId" AND m."userId" = p."userId" AND m.role = 'MENTOR')
  FROM "Person" p JOIN "Organization" s ON s.id = p."organizationId"
  WHERE p."organizationId" = p_school AND s.kind = 'SCHOOL' AND s."parentId" = app_organization_id()
    AND p.active AND (p."leftOn" IS NULL OR p."leftOn" > p_today)
    AND EXISTS (
      SELECT 1 FROM "Consent" c
      WHERE c."organizationId" = p."organizationId" AND c."personId" = p.id
        AND 'DISTRICT_COMMUNITIES' = ANY (c.purposes::text[])
        AND c."givenAt" <= p_today AND (c."revokedAt" IS NULL OR c."revokedAt" > p_today)
        AND (c."validUntil" IS NULL OR c."validUntil" >= p_today))
  ORDER BY p."lastName", p."firstName", p.id
$fn$;
REVOKE ALL ON FUNCTION community_candidates(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION community_candidates(uuid, date) TO nastavnik_app;

-- One person the office wants to add: their school (no row: not a person of the office's schools), and — only when a
-- consent naming the purpose is in force — the name, the position, the school roles, the data the consent rule
-- needs (birth date, the minor flag) and the consents naming the purpose.
CREATE OR REPLACE FUNCTION community_person(p_person uuid, p_today date)
RETURNS TABLE (school_id uuid, active boolean, last_name text, first_name text, middle_name text, "position" text,
  curator boolean, mentor boolean, birth_date date, minor boolean, consents jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  WITH person AS (
    SELECT p.*, EXISTS (
      SELECT 1 FROM "Consent" c
      WHERE c."organizationId" = p."organizationId" AND c."personId" = p.id
        AND 'DISTRICT_COMMUNITIES' = ANY (c.purposes::text[])
        AND c."givenAt" <= p_today AND (c."revokedAt" IS NULL OR c."revokedAt" > p_today)
        AND (c."validUntil" IS NULL OR c."validUntil" >= p_today)) AS consented
    FROM "Person" p JOIN "Organization" s ON s.id = p."organizationId"
    WHERE p.id = p_person AND s.kind = 'SCHOOL' AND s."parentId" = app_organization_id()
  )
  SELECT p."organizationId", p.active AND (p."leftOn" IS NULL OR p."leftOn" > p_today),
    CASE WHEN p.consented THEN p."lastName" END, CASE WHEN p.consented THEN p."firstName" END,
    CASE WHEN p.consented THEN p."middleName" END, CASE WHEN p.consented THEN p."position" END,
    p.consented AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = p."organizationId" AND m."userId" = p."userId" AND m.role = 'CURATOR'),
    p.consented AND (EXISTS (SELECT 1 FROM "MentorProfile" mp WHERE mp."organizationId" = p."organizationId" AND mp."personId" = p.id AND mp.status = 'APPROVED')
      OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = p."organizationId" AND m."userId" = p."userId" AND m.role = 'MENTOR')),
    CASE WHEN p.consented THEN p."birthDate" END, p.minor,
    COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'purposes', to_jsonb(c.purposes::text[]), 'givenBy', c."givenBy"::text, 'representativeName', c."representativeName",
        'givenAt', c."givenAt", 'validUntil', c."validUntil", 'revokedAt', c."revokedAt", 'separateDocument', c."separateDocument"))
      FROM "Consent" c
      WHERE c."organizationId" = p."organizationId" AND c."personId" = p.id AND 'DISTRICT_COMMUNITIES' = ANY (c.purposes::text[])
    ), '[]'::jsonb)
  FROM person p
$fn$;
REVOKE ALL ON FUNCTION community_person(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION community_person(uuid, date) TO nastavnik_app;
