"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pages");
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mb-6">{t("errorText")}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
