-- Row-level security: the second wall around each organization's data (docs/decisions/002-tenant-isolation.md).
-- Every query of the application runs as nastavnik_app (SET LOCAL ROLE inside its transaction), which
-- cannot bypass RLS; FORCE makes the policies apply to the table owner too.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nastavnik_app') THEN
    CREATE ROLE nastavnik_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are cluster-wide: another database on the same server created it at the same moment
END $$;

DO $$
BEGIN
  -- The connecting user must be allowed to SET ROLE nastavnik_app (superusers always are).
  IF NOT pg_has_role(current_user, 'nastavnik_app', 'MEMBER') THEN
    EXECUTE format('GRANT nastavnik_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO nastavnik_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO nastavnik_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO nastavnik_app;

DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM nastavnik_app;
  END IF;
END $$;

-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE ON "AuditEvent" FROM nastavnik_app;

-- Transaction-local settings read back as '' once unset: NULLIF before casting.
CREATE OR REPLACE FUNCTION app_organization_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_invitation_token_hash() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.invitation_token_hash', true), '') $$;

-- Membership: written only inside its organization; a user also reads their own memberships elsewhere
-- (to list the organizations they may switch to).
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_tenant ON "Membership" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY membership_own_read ON "Membership" FOR SELECT
  USING ("userId" = app_user_id());

-- Invitation: inside its organization; read by its token hash for the person accepting it.
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_tenant ON "Invitation" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
CREATE POLICY invitation_by_token_read ON "Invitation" FOR SELECT
  USING ("tokenHash" = app_invitation_token_hash());

ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_tenant ON "AuditEvent" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
