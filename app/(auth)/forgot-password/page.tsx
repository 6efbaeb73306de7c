import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { Notice } from "@/components/ui/notice";
import { resetMailSettings } from "@/lib/auth/password-reset";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("passwordReset");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwordReset");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("forgotTitle")}</h1>
      {resetMailSettings() ? (
        <>
          <p className="text-slate-700">{t("forgotIntro")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <Notice kind="info">{t("unavailable")}</Notice>
      )}
      <Link href="/login" className="text-brand-700 underline">
        {t("toLogin")}
      </Link>
    </div>
  );
}
