-- District communities (decision 059, amended): a member leaves a community, and a withdrawn consent erases the name.
-- The office removes a member (leftAt, its reason) and may take them back later (the same row, the name copied again
-- with a consent in force). When the school records that the person withdrew the DISTRICT_COMMUNITIES consent, the
-- school erases the name and position it had passed to the office (152-ФЗ: processing stops with the consent);
-- the row stays, nameless, so the meetings it attended keep counting in the district's anonymous figures.

ALTER TABLE "CommunityMember" ALTER COLUMN "lastName" DROP NOT NULL,
  ALTER COLUMN "firstName" DROP NOT NULL,
  ADD COLUMN "leftAt" TIMESTAMP(3),
  ADD COLUMN "leftReason" TEXT;

-- The office updates the rows naming it, for its schools only; the school updates its own rows (the guard below
-- narrows that to erasing). Keys, the community and the person never change: only these columns may be written.
CREATE POLICY community_member_office_update ON "CommunityMember" FOR UPDATE
  USING ("officeId" = app_organization_id())
  WITH CHECK ("officeId" = app_organization_id() AND app_organization_id() = ANY (org_ancestor_ids("organizationId")));
CREATE POLICY community_member_school_erase ON "CommunityMember" FOR UPDATE
  USING ("organizationId" = app_organization_id())
  WITH CHECK ("organizationId" = app_organization_id());
GRANT UPDATE ("lastName", "firstName", "middleName", "position", "curator", "mentor", "joinedAt", "leftAt", "leftReason")
  ON "CommunityMember" TO nastavnik_app;

-- What the person's school may change: erase the name and position and mark the member as gone — nothing else.
CREATE FUNCTION community_member_school_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $fn$
BEGIN
  IF app_organization_id() IS NOT NULL AND app_organization_id() = OLD."organizationId" THEN
    IF NEW."lastName" IS NOT NULL OR NEW."firstName" IS NOT NULL OR NEW."middleName" IS NOT NULL OR NEW.position IS NOT NULL
       OR NEW."leftAt" IS NULL
       OR (NEW.curator, NEW.mentor, NEW."joinedAt", NEW."leftReason") IS DISTINCT FROM (OLD.curator, OLD.mentor, OLD."joinedAt", OLD."leftReason") THEN
      RAISE EXCEPTION 'a school may only erase its person from a community' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END
$fn$;
REVOKE ALL ON FUNCTION community_member_school_guard() FROM PUBLIC;
CREATE TRIGGER community_member_school_guard BEFORE UPDATE ON "CommunityMember"
  FOR EACH ROW EXECUTE FUNCTION community_member_school_guard();
