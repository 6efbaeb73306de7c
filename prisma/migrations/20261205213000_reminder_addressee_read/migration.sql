-- A notification is readable by its addressee in the user's own scope (as memberships are, policy
-- membership_own_read): the request context counts the unread ones of every organization of the user in the
-- same statement that reads the session and the memberships (decision 016, issue #14). Writes stay inside the
-- organization (reminder_tenant); the application still filters by organization and user.
CREATE POLICY reminder_addressee_read ON "Reminder" FOR SELECT
  USING ("userId" = app_user_id());
