"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { runRemindersNow } from "@/lib/reminders/actions";

/** «Проверить напоминания сейчас»: one generation and send cycle for this organization, with its counts. */
export function RunNowButton({ org }: { org: string }) {
  const t = useTranslations("outbox");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await runRemindersNow({ org, confirm: "run" });
            if (!res.ok) {
              setMessage({ ok: false, text: res.error.message });
              return;
            }
            const { created, sent, failed, smtpConfigured } = res.data;
            setMessage({ ok: true, text: smtpConfigured ? t("runDone", { created, sent, failed }) : t("runDoneNoSmtp", { created }) });
          })
        }
      >
        {t("runNow")}
      </Button>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
