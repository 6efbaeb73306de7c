-- Server-side sessions (docs/decisions/012-sign-in-limit-proxies-sessions.md): the cookie names a row,
-- every request checks it; sign-out and «Выйти на всех устройствах» revoke rows. Replaces the user's
-- session version (a password change now revokes the user's sessions).

-- AlterTable
ALTER TABLE "User" DROP COLUMN "sessionVersion";

-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A user's sessions are theirs alone: read, opened and revoked only in that user's scope.
ALTER TABLE "UserSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "UserSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_session_own ON "UserSession" FOR ALL
  USING ("userId" = app_user_id())
  WITH CHECK ("userId" = app_user_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "UserSession" TO nastavnik_app;
