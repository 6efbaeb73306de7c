"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("pages");
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mb-6">{t("errorText")}</p>
      {/* Disabled until hydrated: before that a click would do nothing. */}
      <Button type="button" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
