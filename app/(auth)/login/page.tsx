import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/session";
import { safePath } from "@/lib/http/safe-path";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; reason?: string | string[] }> }) {
  const { callbackUrl, reason } = await searchParams;
  if (await getSessionUser()) redirect("/");
  const t = await getTranslations("login");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      {reason === "session" ? <Notice kind="info">{t("sessionEnded")}</Notice> : null}
      {reason === "everywhere" ? <Notice kind="info">{t("signedOutEverywhere")}</Notice> : null}
      {reason === "reset" ? <Notice kind="success">{t("passwordReset")}</Notice> : null}
      <LoginForm callbackUrl={safePath(callbackUrl)} />
      <Link href="/forgot-password" className="text-sm text-brand-700 underline">
        {t("forgot")}
      </Link>
      <p className="text-sm text-slate-600">{t("noAccount")}</p>
      <LanguageSwitcher returnTo="/login" />
    </div>
  );
}
