import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { OidcSignIn } from "@/components/auth/oidc-sign-in";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Notice } from "@/components/ui/notice";
import { oidcErrorOf } from "@/lib/auth/config";
import { getSessionUser } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/env";
import { safePath } from "@/lib/http/safe-path";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type Params = { callbackUrl?: string | string[]; reason?: string | string[]; sso?: string | string[]; error?: string | string[] };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const { callbackUrl, reason } = params;
  if (await getSessionUser()) redirect("/");
  const t = await getTranslations("login");
  const tSso = await getTranslations("sso");
  // Single sign-on (docs/decisions/021): a button only when OIDC_* are set; a refusal comes back as ?sso=….
  const sso = oidcSettings();
  const ssoError = sso ? oidcErrorOf(params) : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      {reason === "session" ? <Notice kind="info">{t("sessionEnded")}</Notice> : null}
      {reason === "everywhere" ? <Notice kind="info">{t("signedOutEverywhere")}</Notice> : null}
      {reason === "reset" ? <Notice kind="success">{t("passwordReset")}</Notice> : null}
      {ssoError ? <Notice kind="error">{tSso(`errors.${ssoError}`)}</Notice> : null}
      <LoginForm callbackUrl={safePath(callbackUrl)} />
      {sso ? <OidcSignIn label={sso.name} callbackUrl={safePath(callbackUrl)} /> : null}
      <Link href="/forgot-password" className="text-sm text-brand-700 underline">
        {t("forgot")}
      </Link>
      <p className="text-sm text-slate-600">{t("noAccount")}</p>
      <LanguageSwitcher returnTo="/login" />
    </div>
  );
}
