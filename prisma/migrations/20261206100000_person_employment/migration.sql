-- Employment dates of a person (issue #16 item 4): hired on, left on and why. Columns of a tenant table that already
-- has its row-level security policy and grants.
CREATE TYPE "PersonLeaveReason" AS ENUM ('TRANSFER', 'OWN_WISH', 'CHANGED_PROFESSION', 'RELOCATION', 'RETIREMENT', 'OTHER');

ALTER TABLE "Person" ADD COLUMN "hiredOn" DATE,
ADD COLUMN "leftOn" DATE,
ADD COLUMN "leaveReason" "PersonLeaveReason",
ADD COLUMN "leaveNote" TEXT;
