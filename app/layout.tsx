import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RouteFocus } from "@/components/shell/route-focus";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s — ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <RouteFocus />
        {/* Locale and time zone for browser code, no messages: the error boundary's namespace here, each
            area's in its layout (components/i18n/client-messages.tsx, docs/decisions/014). */}
        <NextIntlClientProvider messages={{}}>
          <ClientMessages namespaces={["pages"]}>{children}</ClientMessages>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
