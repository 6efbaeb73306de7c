import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InvalidLink } from "@/components/auth/invalid-link";
import { AcceptInvitationForm, AcceptInvitationSignedInForm } from "@/components/auth/accept-invitation-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/session";
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
    return <InvalidLink title={t("invite.invalidTitle")} reason={reason} href="/login" linkText={t("invite.toLogin")} />;
  }

  // An existing account accepts signed in, never with a password typed here (decision 012): the link
  // must not become a way to guess that account's password.
  const user = await getSessionUser();
  const here = `/invite/${token}`;
  const sameAccount = user !== null && user.email.toLowerCase() === invitation.email.toLowerCase();
  let action: React.ReactNode;
  if (sameAccount) {
    action = (
      <>
        <p className="text-slate-700">{t("invite.acceptSignedIn")}</p>
        <AcceptInvitationSignedInForm token={token} />
      </>
    );
  } else if (user) {
    action = (
      <>
        <Notice kind="info">{t("invite.otherAccount", { email: invitation.email })}</Notice>
        <SignOutButton label={t("invite.signOutToSwitch")} returnTo={here} />
      </>
    );
  } else if (invitation.accountExists) {
    action = (
      <>
        <p className="text-slate-700">{t("invite.existingAccount")}</p>
        <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="self-start rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t("invite.signInToAccept")}
        </Link>
      </>
    );
  } else {
    action = (
      <>
        <p className="text-slate-700">{t("invite.newAccount")}</p>
        <AcceptInvitationForm token={token} email={invitation.email} />
      </>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("invite.title")}</h1>
      <p>{t("invite.toOrganization", { organization: invitation.organizationName, role: t(`roles.${invitation.role}`) })}</p>
      <p className="text-slate-700">{t("invite.forEmail", { email: invitation.email })}</p>
      {user ? <p className="text-slate-700">{t("invite.signedInAs", { email: user.email })}</p> : null}
      {action}
    </div>
  );
}
