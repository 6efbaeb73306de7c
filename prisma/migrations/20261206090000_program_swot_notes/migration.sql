-- The curator's own SWOT lines of a program (decision 049). A column of a tenant table that already has
-- its row-level security policy, so no new policy is needed.
ALTER TABLE "MentoringProgram" ADD COLUMN "swotNotes" JSONB;
