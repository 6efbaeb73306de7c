import { getTranslations } from "next-intl/server";
import { InvalidLink } from "@/components/auth/invalid-link";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
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
    return <InvalidLink title={t("invalidTitle")} reason={reason} href="/forgot-password" linkText={t("again")} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      <p className="text-slate-700">{t("resetIntro")}</p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
