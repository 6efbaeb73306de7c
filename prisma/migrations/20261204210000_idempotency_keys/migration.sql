-- Idempotency keys of creating actions (docs/decisions/015-outages-and-idempotency.md): the first result
-- of an action sent with a key, written in the action's own transaction, so that a resubmission after a
-- lost answer returns it instead of creating a duplicate. Pruned after 24 hours.

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_organizationId_idx" ON "IdempotencyKey"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_userId_action_key_key" ON "IdempotencyKey"("userId", "action", "key");

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A key is its user's, in the organization it was used in: another user, or the same user in another
-- organization, neither sees nor reuses it.
ALTER TABLE "IdempotencyKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "IdempotencyKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_key_own ON "IdempotencyKey" FOR ALL
  USING ("organizationId" = app_organization_id() AND "userId" = app_user_id())
  WITH CHECK ("organizationId" = app_organization_id() AND "userId" = app_user_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "IdempotencyKey" TO nastavnik_app;
