-- The personalized program of a cross-school pair (issue #17 item 1, docs/decisions/062). PersonalProgram, with its
-- plan items and meeting schedule, belongs to a school pair or — exactly one of the two — to a cross-school pair of
-- the same school, the mentee's (decision 058): the mentee's school writes and approves it under its tenant policies,
-- unchanged. The mentor's school gets NO policy on these tables: it reads the plan only through
-- cross_school_pair_plan(), which returns every column but the mentee's difficulties. The mentee's school reads the
-- one fact of the mentor's bank entry its pairs order cites — the mentor's written consent to the additional duties
-- (decision 023) — through cross_school_pair_mentor_duties().

-- AlterTable
ALTER TABLE "PersonalProgram" ALTER COLUMN "pairId" DROP NOT NULL,
ADD COLUMN     "crossPairId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "PersonalProgram_organizationId_crossPairId_key" ON "PersonalProgram"("organizationId", "crossPairId");

-- AddForeignKey
ALTER TABLE "PersonalProgram" ADD CONSTRAINT "PersonalProgram_organizationId_crossPairId_fkey" FOREIGN KEY ("organizationId", "crossPairId") REFERENCES "CrossSchoolPair"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A program is of one pair: a school pair or a cross-school pair, never both, never none.
ALTER TABLE "PersonalProgram" ADD CONSTRAINT "PersonalProgram_one_pair_check" CHECK (num_nonnulls("pairId", "crossPairId") = 1);

-- The plan of a cross-school pair for either of its two schools, as one JSON document: the program's texts, period,
-- status and approval, its plan items and its meeting schedule — never the mentee's difficulties (decision 058: the
-- mentor's school sees no mentee's difficulties). NULL when the pair has no program, is not the transaction's
-- organization's pair, or the caller names another organization than the one the transaction is scoped to.
CREATE FUNCTION cross_school_pair_plan(p_org uuid, p_pair uuid)
RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'id', pp.id,
    'startsOn', pp."startsOn",
    'endsOn', pp."endsOn",
    'direction', pp.direction,
    'goals', pp.goals,
    'tasks', pp.tasks,
    'workingMode', pp."workingMode",
    'intermediateResults', pp."intermediateResults",
    'expectedResults', pp."expectedResults",
    'achievedResults', pp."achievedResults",
    'status', pp.status,
    'version', pp.version,
    'approvedVersion', pp."approvedVersion",
    'approvedAt', pp."approvedAt",
    'approvedBy', u.name,
    'updatedAt', pp."updatedAt",
    'items', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', i.id, 'title', i.title, 'dueOn', i."dueOn", 'status', i.status, 'result', i.result, 'position', i.position)
        ORDER BY i."dueOn", i.position) FROM "PlanItem" i WHERE i."personalProgramId" = pp.id AND i."organizationId" = pp."organizationId"), '[]'::jsonb),
    'plannedMeetings', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'plannedOn', m."plannedOn", 'kind', m.kind, 'topic', m.topic)
        ORDER BY m."plannedOn", m."createdAt") FROM "PlannedMeeting" m WHERE m."personalProgramId" = pp.id AND m."organizationId" = pp."organizationId"), '[]'::jsonb)
  )
  FROM "CrossSchoolPair" c
  JOIN "PersonalProgram" pp ON pp."crossPairId" = c.id AND pp."organizationId" = c."organizationId"
  LEFT JOIN "User" u ON u.id = pp."approvedById"
  -- Only for the organization the transaction is scoped to, and only a pair it is on either side of.
  WHERE c.id = p_pair AND p_org = app_organization_id() AND (c."organizationId" = p_org OR c."mentorOrganizationId" = p_org)
$$;
REVOKE ALL ON FUNCTION cross_school_pair_plan(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cross_school_pair_plan(uuid, uuid) TO nastavnik_app;

-- For the mentee's school: the date of its cross-school pairs' mentors' written consent to the additional duties
-- (ТК РФ ст. 60.2, decision 023), recorded by the mentor's school in its bank — that one column, nothing else of the
-- mentor's entry. Only the transaction's own organization's pairs as their owner.
CREATE FUNCTION cross_school_pair_mentor_duties(p_org uuid)
RETURNS TABLE (pair_id uuid, duties_consent_at date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, m."dutiesConsentAt"
  FROM "CrossSchoolPair" c
  JOIN "MentorProfile" m ON m.id = c."mentorId" AND m."organizationId" = c."mentorOrganizationId"
  WHERE p_org = app_organization_id() AND c."organizationId" = p_org
$$;
REVOKE ALL ON FUNCTION cross_school_pair_mentor_duties(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cross_school_pair_mentor_duties(uuid) TO nastavnik_app;
