-- The head's approval of mentees and incentive payments to mentors (issue #15 item 2,
-- docs/decisions/025-mentee-approval-and-incentive-payments.md).
-- A mentee already in a pair secured by the head's order was approved by that order: they keep it (who
-- and when the order's pairs were decided). Mentees still waiting start unapproved — the head approves
-- them before they are paired.
-- CreateEnum
CREATE TYPE "IncentivePaymentStatus" AS ENUM ('PROPOSED', 'APPROVED');

-- AlterTable
ALTER TABLE "MenteeProfile" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" UUID;

-- CreateTable
CREATE TABLE "IncentivePayment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "basisActId" UUID,
    "note" TEXT,
    "status" "IncentivePaymentStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" UUID NOT NULL,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncentivePayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncentivePayment_organizationId_mentorId_idx" ON "IncentivePayment"("organizationId", "mentorId");

-- CreateIndex
CREATE INDEX "IncentivePayment_organizationId_periodFrom_idx" ON "IncentivePayment"("organizationId", "periodFrom");

-- CreateIndex
CREATE UNIQUE INDEX "IncentivePayment_organizationId_id_key" ON "IncentivePayment"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_organizationId_mentorId_fkey" FOREIGN KEY ("organizationId", "mentorId") REFERENCES "MentorProfile"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_basisActId_fkey" FOREIGN KEY ("basisActId") REFERENCES "LocalAct"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Amounts are positive whole rubles and a period does not end before it starts, whatever writes the row.
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "IncentivePayment" ADD CONSTRAINT "IncentivePayment_period_ordered" CHECK ("periodTo" >= "periodFrom");

-- Row-level security: the payments belong to the school like the mentor they are paid to.
ALTER TABLE "IncentivePayment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "IncentivePayment" FORCE ROW LEVEL SECURITY;
CREATE POLICY incentive_payment_tenant ON "IncentivePayment" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "IncentivePayment" TO nastavnik_app;

-- Mentees in a pair the head's order secured: approved by that order.
UPDATE "MenteeProfile" m SET "approvedAt" = d."decidedAt", "approvedById" = d."decidedById"
FROM (
  SELECT DISTINCT ON (pm."menteeId") pm."menteeId", p."decidedAt", p."decidedById"
  FROM "PairMentee" pm JOIN "Pair" p ON p."id" = pm."pairId"
  WHERE p."orderId" IS NOT NULL AND p."decidedAt" IS NOT NULL
  ORDER BY pm."menteeId", p."decidedAt"
) d
WHERE m."id" = d."menteeId";
