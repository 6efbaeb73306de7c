-- People's paperwork (issue #15 item 2). No new table: both tables already carry organizationId under
-- forced row-level security.
--
-- 1. A consent to dissemination (152-ФЗ art. 10.1) lists the data the person allows to publish and their
--    conditions; the public section shows only those.
CREATE TYPE "PublicField" AS ENUM ('NAME', 'POSITION', 'SUBJECTS', 'COMPETENCIES');

ALTER TABLE "Consent" ADD COLUMN     "publicConditions" TEXT,
ADD COLUMN     "publicFields" "PublicField"[] DEFAULT ARRAY[]::"PublicField"[];

-- Consents to publication recorded before the list existed covered what the section showed then: the
-- name, position, subjects and competencies. They keep covering exactly that.
UPDATE "Consent" SET "publicFields" = ARRAY['NAME', 'POSITION', 'SUBJECTS', 'COMPETENCIES']::"PublicField"[]
WHERE 'PUBLICATION' = ANY ("purposes");

-- 2. The mentor's written consent to the additional duties of mentoring (ТК РФ ст. 60.2): date and signed scan.
ALTER TABLE "MentorProfile" ADD COLUMN     "dutiesConsentAt" DATE,
ADD COLUMN     "dutiesConsentFileData" BYTEA,
ADD COLUMN     "dutiesConsentFileName" TEXT,
ADD COLUMN     "dutiesConsentFileType" TEXT;
