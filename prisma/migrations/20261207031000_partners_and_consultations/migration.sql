-- Partner organizations and consultations (issue #17 items 3 and 4b, docs/decisions/061).

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "partnerId" UUID;

-- CreateTable
CREATE TABLE "PartnerOrganization" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "agreementNumber" TEXT,
    "agreementDate" DATE,
    "contactName" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedById" UUID,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationMessage" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerOrganization_organizationId_id_key" ON "PartnerOrganization"("organizationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerOrganization_organizationId_inn_key" ON "PartnerOrganization"("organizationId", "inn");

-- CreateIndex
CREATE INDEX "Consultation_organizationId_askedAt_idx" ON "Consultation"("organizationId", "askedAt");

-- CreateIndex
CREATE INDEX "Consultation_officeId_status_idx" ON "Consultation"("officeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_organizationId_id_key" ON "Consultation"("organizationId", "id");

-- CreateIndex
CREATE INDEX "ConsultationMessage_organizationId_idx" ON "ConsultationMessage"("organizationId");

-- CreateIndex
CREATE INDEX "ConsultationMessage_schoolId_consultationId_createdAt_idx" ON "ConsultationMessage"("schoolId", "consultationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_partnerId_fkey" FOREIGN KEY ("organizationId", "partnerId") REFERENCES "PartnerOrganization"("organizationId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerOrganization" ADD CONSTRAINT "PartnerOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMessage" ADD CONSTRAINT "ConsultationMessage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMessage" ADD CONSTRAINT "ConsultationMessage_schoolId_consultationId_fkey" FOREIGN KEY ("schoolId", "consultationId") REFERENCES "Consultation"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ——— Row-level security ———

-- A partner organization: the organization's own (a school's or an office's register).
ALTER TABLE "PartnerOrganization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PartnerOrganization" FORCE ROW LEVEL SECURITY;
CREATE POLICY partner_organization_tenant ON "PartnerOrganization" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "PartnerOrganization" TO nastavnik_app;

-- A consultation is the school's row naming its office (as InfoLetterRecipient, decisions 047/048/054): the
-- school reads its own and asks only an office above it; the named office reads it and closes it.
ALTER TABLE "Consultation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Consultation" FORCE ROW LEVEL SECURITY;
CREATE POLICY consultation_school_read ON "Consultation" FOR SELECT
  USING ("organizationId" = app_organization_id());
CREATE POLICY consultation_school_insert ON "Consultation" FOR INSERT
  WITH CHECK ("organizationId" = app_organization_id() AND "officeId" = ANY (org_ancestor_ids(app_organization_id())));
CREATE POLICY consultation_office_read ON "Consultation" FOR SELECT
  USING ("officeId" = app_organization_id());
CREATE POLICY consultation_office_close ON "Consultation" FOR UPDATE
  USING ("officeId" = app_organization_id())
  WITH CHECK ("officeId" = app_organization_id());
-- The default privileges gave the table every right: keep reading, asking, and the office's four closing columns.
REVOKE UPDATE, DELETE ON "Consultation" FROM nastavnik_app;
GRANT SELECT, INSERT ON "Consultation" TO nastavnik_app;
GRANT UPDATE ("status", "outcome", "closedAt", "closedById") ON "Consultation" TO nastavnik_app;

-- A message is owned by the organization that wrote it; both sides of its consultation read it. Writing needs
-- the consultation to be the writer's own (the school) or addressed to it (the office). Never changed, never deleted.
ALTER TABLE "ConsultationMessage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConsultationMessage" FORCE ROW LEVEL SECURITY;
CREATE POLICY consultation_message_read ON "ConsultationMessage" FOR SELECT
  USING ("organizationId" = app_organization_id() OR "schoolId" = app_organization_id()
    OR EXISTS (SELECT 1 FROM "Consultation" c WHERE c.id = "ConsultationMessage"."consultationId" AND c."organizationId" = "ConsultationMessage"."schoolId" AND c."officeId" = app_organization_id()));
CREATE POLICY consultation_message_write ON "ConsultationMessage" FOR INSERT
  WITH CHECK ("organizationId" = app_organization_id() AND ("schoolId" = app_organization_id()
    OR EXISTS (SELECT 1 FROM "Consultation" c WHERE c.id = "ConsultationMessage"."consultationId" AND c."organizationId" = "ConsultationMessage"."schoolId" AND c."officeId" = app_organization_id())));
REVOKE UPDATE, DELETE ON "ConsultationMessage" FROM nastavnik_app;
GRANT SELECT, INSERT ON "ConsultationMessage" TO nastavnik_app;

-- ——— The passport indicator «доля организаций-партнёров, предоставивших наставников», per school ———
-- For the organization the transaction is scoped to (a school: itself; a municipality: its schools; a region: the
-- schools of its municipalities): the number of the school's partners and of those that provided at least one
-- active mentor (an active person linked to the partner with a mentor entry not LEFT — the rule of
-- lib/domain/partners.ts). Aggregates only: no names, no INN.
CREATE OR REPLACE FUNCTION district_partner_figures(p_org uuid)
RETURNS TABLE (school_id uuid, partners integer, providing integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  v_kind "OrganizationKind";
  v_schools uuid[];
BEGIN
  IF p_org IS NULL OR p_org IS DISTINCT FROM app_organization_id() THEN
    RETURN;
  END IF;
  SELECT o.kind INTO v_kind FROM "Organization" o WHERE o.id = p_org;
  IF v_kind = 'SCHOOL' THEN
    v_schools := ARRAY[p_org];
  ELSIF v_kind = 'MUNICIPALITY' THEN
    v_schools := ARRAY(SELECT s.id FROM "Organization" s WHERE s."parentId" = p_org AND s.kind = 'SCHOOL' AND s."archivedAt" IS NULL);
  ELSIF v_kind = 'REGION' THEN
    v_schools := ARRAY(
      SELECT s.id FROM "Organization" m JOIN "Organization" s ON s."parentId" = m.id AND s.kind = 'SCHOOL'
      WHERE m."parentId" = p_org AND m.kind = 'MUNICIPALITY' AND m."archivedAt" IS NULL AND s."archivedAt" IS NULL);
  END IF;
  IF coalesce(cardinality(v_schools), 0) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT s.id,
    (SELECT count(*)::integer FROM "PartnerOrganization" p WHERE p."organizationId" = s.id),
    (SELECT count(*)::integer FROM "PartnerOrganization" p WHERE p."organizationId" = s.id AND EXISTS (
      SELECT 1 FROM "Person" x JOIN "MentorProfile" mp ON mp."organizationId" = x."organizationId" AND mp."personId" = x.id
      WHERE x."organizationId" = s.id AND x."partnerId" = p.id AND x.active AND mp.status <> 'LEFT'))
  FROM "Organization" s WHERE s.id = ANY(v_schools);
END
$fn$;
REVOKE ALL ON FUNCTION district_partner_figures(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district_partner_figures(uuid) TO nastavnik_app;
