-- Issue #21: each organization's calendar runs in its own IANA time zone (docs/decisions/011).
-- Existing organizations are in the Stavropol district, which keeps Moscow time.
ALTER TABLE "Organization" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Europe/Moscow';
