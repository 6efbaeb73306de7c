-- Background tasks (issue #19 item 4, docs/decisions/058-background-tasks.md): the people import and the annual report
-- run in the server process instead of inside one blocking request; the page shows their progress and «Задачи и
-- файлы» lists them with their results. A tenant table like any other (forced RLS, the tenant policy); the runner
-- finds due work across organizations through background_tasks_due(), which hands out ids only, and does the work
-- itself in each task's own tenant transaction.

-- CreateEnum
CREATE TYPE "BackgroundTaskKind" AS ENUM ('PEOPLE_IMPORT', 'ANALYTICAL_REPORT');

-- CreateEnum
CREATE TYPE "BackgroundTaskState" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "BackgroundTask" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "BackgroundTaskKind" NOT NULL,
    "state" "BackgroundTaskState" NOT NULL DEFAULT 'QUEUED',
    "startedById" UUID,
    "params" JSONB NOT NULL,
    "inputData" BYTEA,
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "outcome" JSONB,
    "resultName" TEXT,
    "resultAsciiName" TEXT,
    "resultType" TEXT,
    "resultData" BYTEA,
    "resultSize" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "BackgroundTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackgroundTask_organizationId_createdAt_idx" ON "BackgroundTask"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "BackgroundTask_state_createdAt_idx" ON "BackgroundTask"("state", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BackgroundTask_organizationId_id_key" ON "BackgroundTask"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "BackgroundTask" ADD CONSTRAINT "BackgroundTask_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackgroundTask" ADD CONSTRAINT "BackgroundTask_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BackgroundTask" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BackgroundTask" FORCE ROW LEVEL SECURITY;
CREATE POLICY background_task_tenant ON "BackgroundTask" FOR ALL
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "BackgroundTask" TO nastavnik_app;

-- Prisma keeps DateTime as UTC in timestamp(3) columns: AT TIME ZONE 'UTC' makes them instants to compare with.
-- The work the runner may take: queued tasks, and running ones whose heartbeat stopped before p_stale_before (their
-- process ended). Ids and organizations only — the runner reads and claims each task in its organization's scope.
CREATE FUNCTION background_tasks_due(p_stale_before timestamptz, p_limit integer DEFAULT 20)
RETURNS TABLE (task_id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT t."id", t."organizationId" FROM "BackgroundTask" t
  WHERE t."state" = 'QUEUED' OR (t."state" = 'RUNNING' AND (coalesce(t."heartbeatAt", t."createdAt") AT TIME ZONE 'UTC') < p_stale_before)
  ORDER BY t."createdAt", t."id"
  LIMIT p_limit
$fn$;
REVOKE ALL ON FUNCTION background_tasks_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION background_tasks_due(timestamptz, integer) TO nastavnik_app;

-- Finished tasks past their expiry go, with their files; returns how many.
CREATE FUNCTION background_tasks_purge(p_now timestamptz)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
DECLARE
  v_count integer;
BEGIN
  DELETE FROM "BackgroundTask" WHERE "state" IN ('DONE', 'FAILED') AND ("expiresAt" AT TIME ZONE 'UTC') < p_now;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END
$fn$;
REVOKE ALL ON FUNCTION background_tasks_purge(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION background_tasks_purge(timestamptz) TO nastavnik_app;
