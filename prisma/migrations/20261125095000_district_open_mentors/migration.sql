-- «Открытое наставничество»: approved mentors who agreed to be seen by the district, readable by the
-- other schools of the municipality and by its office — through this one function, never through the
-- tables (RLS keeps those per school). It returns only what the district bank shows, plus the consent
-- records so the application can apply its consent rules (lib/domain/consent.ts) before matching.
CREATE OR REPLACE FUNCTION district_open_mentors(p_org uuid)
RETURNS TABLE (
  mentor_id uuid, organization_id uuid, organization_name text, person_id uuid,
  last_name text, first_name text, middle_name text, "position" text, subjects text[], competencies text[],
  experience_years integer, kind text, capacity integer, taken integer, birth_date date, minor boolean, consents jsonb
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH scope AS (
    SELECT CASE WHEN x.kind = 'SCHOOL' THEN x."parentId" ELSE x.id END AS district_id
    FROM "Organization" x
    -- Only for the organization the transaction is scoped to.
    WHERE x.id = p_org AND p_org = app_organization_id()
  )
  SELECT m.id, m."organizationId", COALESCE(o."shortName", o.name), p.id,
    p."lastName", p."firstName", p."middleName", p.position, COALESCE(p.subjects, ARRAY[]::text[]), COALESCE(m.competencies, ARRAY[]::text[]),
    p."experienceYears", p.kind::text, m.capacity,
    (SELECT count(*)::integer FROM "PairMentee" pm JOIN "Pair" pr ON pr.id = pm."pairId"
      WHERE pr."mentorId" = m.id AND pr.status IN ('PROPOSED', 'APPROVED', 'ACTIVE')),
    p."birthDate", p.minor,
    (SELECT COALESCE(jsonb_agg(jsonb_build_object(
        'purposes', c.purposes, 'givenBy', c."givenBy", 'representativeName', c."representativeName",
        'givenAt', c."givenAt", 'validUntil', c."validUntil", 'revokedAt', c."revokedAt", 'separateDocument', c."separateDocument")), '[]'::jsonb)
      FROM "Consent" c WHERE c."personId" = p.id)
  FROM "MentorProfile" m
  JOIN "Person" p ON p.id = m."personId"
  JOIN "Organization" o ON o.id = m."organizationId"
  JOIN scope s ON o."parentId" = s.district_id
  WHERE m.status = 'APPROVED' AND m."districtVisibleSince" IS NOT NULL AND p.active AND m."organizationId" <> p_org
$$;
REVOKE ALL ON FUNCTION district_open_mentors(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district_open_mentors(uuid) TO nastavnik_app;
