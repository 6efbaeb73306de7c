import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUserWithOrganizations } from "@/lib/auth/tenant";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const dynamic = "force-dynamic";

// The start page (the landing after sign-in) sends the platform operator to /operator (decision 018) and
// everyone else to their (first) organization.
export default async function StartPage() {
  const { organizations, isOperator } = await requireUserWithOrganizations();
  if (isOperator) redirect("/operator");
  if (organizations[0]) redirect(`/${organizations[0].slug}`);
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 text-2xl font-semibold">{t("app.name")}</h1>
      <p className="mb-6">{t("pages.noMemberships")}</p>
      <div className="flex gap-4">
        <Link href="/account" className="text-brand-700 underline">
          {t("nav.account")}
        </Link>
        <SignOutButton label={t("nav.signOut")} />
      </div>
    </main>
  );
}
