import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { AppShell } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { logoutEverywhere } from "@/lib/auth/actions";
import { PageHeader, Section } from "@/components/ui/page-header";
import { requireUserWithOrganizations } from "@/lib/auth/tenant";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { changed } = await searchParams;
  const { user, organizations } = await requireUserWithOrganizations();
  const t = await getTranslations();
  return (
    <AppShell user={user} organizations={organizations} returnTo="/account">
      <PageHeader title={t("account.title")} />
      <Section title={t("account.profile")} id="profile">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("account.name")}</dt>
          <dd>{user.name}</dd>
          <dt className="font-medium">{t("account.email")}</dt>
          <dd>{user.email}</dd>
        </dl>
      </Section>
      <Section title={t("account.memberships")} id="memberships">
        {organizations.length === 0 ? (
          <p>{t("pages.noMemberships")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {organizations.map((o) => (
              <li key={o.slug}>
                <a href={`/${o.slug}`} className="text-brand-700 underline">
                  {o.name}
                </a>{" "}
                — {o.roles.map((r) => t(`roles.${r}`)).join(", ")}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("account.passwordTitle")} id="password">
        <p className="mb-4 text-slate-700">{t("account.passwordIntro")}</p>
        {changed === "1" ? (
          <div className="mb-4">
            <Notice kind="success">{t("account.passwordChanged")}</Notice>
          </div>
        ) : null}
        <ChangePasswordForm email={user.email} />
      </Section>
      <Section title={t("account.sessionsTitle")} id="sessions">
        <p className="mb-4 text-slate-700">{t("account.sessionsIntro")}</p>
        <form action={logoutEverywhere}>
          <Button type="submit" variant="secondary">
            {t("account.signOutEverywhere")}
          </Button>
        </form>
      </Section>
    </AppShell>
  );
}
