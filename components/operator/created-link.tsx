"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/** The one-time invitation link after creating an office or inviting its head: shown once, like the members page does. */
export function CreatedLink({ message, path }: { message: string; path: string }) {
  const t = useTranslations("operator");
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <Notice kind="success">
      <p className="mb-2">{message}</p>
      <label htmlFor="operator-invitation-link" className="mb-1 block">
        {t("linkIntro")}
      </label>
      <input
        id="operator-invitation-link"
        readOnly
        value={url}
        className="w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
    </Notice>
  );
}
