-- The office sees how each school did its deadline, with the school's evidence (issue #16 item 1, decision 054):
-- a school's mark (comment, link, file) was the school's own and the office saw only the outcome through
-- district_deadline_completions(). The mark is the school's answer to the office about the office's own deadline,
-- so the office that set the deadline may read it — read only; the school alone writes it. Another office, a
-- municipality under a region's deadline, another school: nothing.
CREATE POLICY deadline_completion_office ON "DeadlineCompletion" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "DistrictDeadline" d WHERE d.id = "DeadlineCompletion"."deadlineId" AND d."organizationId" = app_organization_id()));
