-- Invitation letters (issue #13 item 4, decision 020): the next attempt of a letter (a lease while one
-- sender has it, the backoff after a failure), and the one function the scheduler uses to find the
-- organizations that have letters to send. It returns organization ids only — no address, no name — so
-- that the loop can then send each organization's letters inside that organization's own RLS scope.

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

CREATE OR REPLACE FUNCTION invitation_letters_due(p_now timestamp, p_max_attempts integer)
RETURNS TABLE (organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT i."organizationId"
  FROM "Invitation" i
  WHERE i."emailStatus" IN ('QUEUED', 'FAILED')
    AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" > p_now
    AND i."emailAttempts" < p_max_attempts
    AND (i."nextAttemptAt" IS NULL OR i."nextAttemptAt" <= p_now)
$$;
REVOKE ALL ON FUNCTION invitation_letters_due(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invitation_letters_due(timestamp, integer) TO nastavnik_app;
