-- Single sign-on (issue #13, docs/decisions/021): a person signing in through the region's OpenID Connect
-- provider, with a verified e-mail and no account yet, may hold a pending invitation somewhere. Before
-- sign-in there is no organization scope, and the person has no invitation token: the sign-in path sets
-- app.invitation_email to the provider's verified address (lower case) and may read the invitations
-- addressed to it — and nothing else — like invitation_by_token_read does for a token's holder.
CREATE OR REPLACE FUNCTION app_invitation_email() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.invitation_email', true), '') $$;

CREATE POLICY invitation_by_email_read ON "Invitation" FOR SELECT
  USING (lower("email") = app_invitation_email());
