import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Notice } from "@/components/ui/notice";
import { findInvitationByToken } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("invite");
  return { title: t("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const invitation = await findInvitationByToken(token);

  if (invitation.state !== "pending") {
    const reason = {
      malformed: t("invite.malformed"),
      notFound: t("invite.notFound"),
      accepted: t("invite.used"),
      revoked: t("invite.revoked"),
      expired: t("invite.expired"),
    }[invitation.state];
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("invite.invalidTitle")}</h1>
        <Notice kind="error">{reason}</Notice>
        <Link href="/login" className="text-brand-700 underline">
          {t("invite.toLogin")}
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("invite.title")}</h1>
      <p>{t("invite.toOrganization", { organization: invitation.organizationName, role: t(`roles.${invitation.role}`) })}</p>
      <p className="text-slate-700">{t("invite.forEmail", { email: invitation.email })}</p>
      <p className="text-slate-700">{invitation.accountExists ? t("invite.existingAccount") : t("invite.newAccount")}</p>
      <AcceptInvitationForm token={token} email={invitation.email} accountExists={invitation.accountExists} />
    </div>
  );
}
