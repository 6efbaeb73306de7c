import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

// One-time survey links: no sign-in, never indexed, and the address (which holds the token) is not
// sent to other sites as a referrer.
export const metadata: Metadata = {
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export default async function PublicSurveyLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col items-center gap-6 p-6">
      <p className="text-2xl font-bold text-brand-900">{t("name")}</p>
      <main id="main" className="w-full max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {children}
      </main>
    </div>
  );
}
