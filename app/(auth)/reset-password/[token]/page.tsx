import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { Notice } from "@/components/ui/notice";
import { findPasswordResetState } from "@/lib/auth/password-reset";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("passwordReset");
  return { title: t("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const state = await findPasswordResetState(token);
  if (state !== "pending") {
    const reason = { malformed: t("malformed"), notFound: t("notFound"), used: t("used"), expired: t("expired") }[state];
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
        <Notice kind="error">{reason}</Notice>
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("again")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      <p className="text-slate-700">{t("resetIntro")}</p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
