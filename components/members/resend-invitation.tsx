"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { resendInvitation, type ResendResult } from "@/lib/members/invite-actions";

/**
 * «Отправить ещё раз» (deliver="email": a new letter with SMTP, else the new link) and «Показать ссылку»
 * (deliver="link"): the new link is shown once, here, for copying; the old one stops working.
 */
export function ResendInvitation({ org, invitationId, deliver }: { org: string; invitationId: string; deliver: "email" | "link" }) {
  const t = useTranslations("accounts");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: true; data: ResendResult } | { ok: false; message: string } | null>(null);
  const url = outcome?.ok && outcome.data.path ? `${typeof window === "undefined" ? "" : window.location.origin}${outcome.data.path}` : null;
  const inputId = `invitation-link-${invitationId}`;
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await resendInvitation({ org, invitationId, deliver });
            setOutcome(res.ok ? { ok: true, data: res.data } : { ok: false, message: res.error.message });
          })
        }
      >
        {deliver === "link" ? t("showLink") : t("resend")}
      </Button>
      {outcome && !outcome.ok ? (
        <span role="alert" className="text-sm text-red-800">
          {outcome.message}
        </span>
      ) : null}
      {outcome?.ok && outcome.data.mailed ? (
        <span role="status" className="text-sm text-green-800">
          {t("resent", { email: outcome.data.email })}
        </span>
      ) : null}
      {url && outcome?.ok ? (
        <div role="status" className="flex max-w-md flex-col gap-1 text-sm text-green-800">
          <span>{t("linkShown", { email: outcome.data.email })}</span>
          <label htmlFor={inputId} className="sr-only">
            {t("linkLabel", { email: outcome.data.email })}
          </label>
          <input
            id={inputId}
            readOnly
            value={url}
            data-invitation-link
            className="w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-xs text-slate-900"
            onFocus={(e) => e.currentTarget.select()}
          />
          <span className="text-slate-700">{t("copyHint")}</span>
        </div>
      ) : null}
    </div>
  );
}
