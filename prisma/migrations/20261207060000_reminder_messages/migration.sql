-- Reminders in the reader's language (issue #18 item 4, decision 063): a reminder stores its message — the kind —
-- and the message's values (names, ISO dates, counts); the notifications page words it in the reader's language
-- and the e-mail in the recipient account's. The Russian sentences of the reminders made before stay as they were
-- and are shown as stored (title and body not null): reading their values back out of the sentences would be a
-- guess, and they are notifications of a state already past. New reminders leave title and body null.
ALTER TABLE "Reminder" ADD COLUMN "values" JSONB NOT NULL DEFAULT '{}',
  ALTER COLUMN "title" DROP NOT NULL,
  ALTER COLUMN "body" DROP NOT NULL;

-- The outbox's "mail is not configured" note becomes a code the page words in the reader's language.
UPDATE "Reminder" SET "lastError" = 'SMTP_NOT_CONFIGURED'
  WHERE "lastError" = 'SMTP не настроен: письмо не отправлено, уведомление видно в приложении.';
