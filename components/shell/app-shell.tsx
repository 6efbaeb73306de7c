import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { UnreadBadge } from "@/components/reminders/unread-badge";
import { hasPermission } from "@/lib/auth/permissions";
import type { AppRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import type { OrganizationSummary } from "@/lib/auth/tenant";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";
import { NavMenu } from "./nav-menu";

type Current = { slug: string; name: string; kind: "REGION" | "MUNICIPALITY" | "SCHOOL"; roles: AppRole[]; unreadNotifications: number };

/** Header with the organization switcher, navigation per role, account links; then the page. */
export async function AppShell({
  user,
  organizations,
  current,
  returnTo,
  children,
}: {
  user: SessionUser;
  organizations: OrganizationSummary[];
  current?: Current;
  returnTo: string;
  children: ReactNode;
}) {
  const t = await getTranslations();
  const others = organizations.filter((o) => o.slug !== current?.slug);
  const nav: { href: string; label: string; unread?: number }[] = [];
  if (current) {
    const base = `/${current.slug}`;
    nav.push({ href: base, label: t("nav.home") });
    if (hasPermission(current.roles, "program.view")) {
      nav.push({ href: `${base}/program`, label: t("nav.program") });
      nav.push({ href: `${base}/program/roadmap`, label: t("nav.roadmap") });
      nav.push({ href: `${base}/program/passport`, label: t("nav.passport") });
      nav.push({ href: `${base}/acts`, label: t("nav.acts") });
    }
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "people.view")) nav.push({ href: `${base}/people`, label: t("nav.people") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "banks.view")) {
      nav.push({ href: `${base}/mentees`, label: t("nav.mentees") });
      nav.push({ href: `${base}/mentors`, label: t("nav.mentors") });
    }
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "pairs.view")) nav.push({ href: `${base}/pairs`, label: t("nav.pairs") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "pairs.own")) nav.push({ href: `${base}/my-pairs`, label: t("nav.myPairs") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "surveys.view")) nav.push({ href: `${base}/surveys`, label: t("nav.surveys") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "surveys.answer")) nav.push({ href: `${base}/my-surveys`, label: t("nav.mySurveys") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "monitoring.school")) nav.push({ href: `${base}/monitoring`, label: t("nav.monitoring") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "monitoring.district")) nav.push({ href: `${base}/district`, label: t("nav.districtMonitoring") });
    if (hasPermission(current.roles, "practices.view")) nav.push({ href: `${base}/practices`, label: t("nav.practices") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "publication.manage")) nav.push({ href: `${base}/publication`, label: t("nav.publication") });
    nav.push({ href: `${base}/notifications`, label: t("nav.notifications"), unread: current.unreadNotifications });
    nav.push({ href: `${base}/profile`, label: t("nav.profile") });
    if (hasPermission(current.roles, "members.view")) nav.push({ href: `${base}/members`, label: t("nav.members") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "district.view")) nav.push({ href: `${base}/schools`, label: t("nav.schools") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "district.mentors")) nav.push({ href: `${base}/district-mentors`, label: t("nav.districtMentors") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "deadlines.manage")) nav.push({ href: `${base}/district/deadlines`, label: t("nav.deadlines") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "letters.send")) nav.push({ href: `${base}/district/letters`, label: t("nav.letters") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "letters.receive")) nav.push({ href: `${base}/letters`, label: t("nav.inbox") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "campaigns.manage")) nav.push({ href: `${base}/district/campaigns`, label: t("nav.campaigns") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "campaigns.answer")) nav.push({ href: `${base}/campaigns`, label: t("nav.campaigns") });
    if (hasPermission(current.roles, "tasks.view")) nav.push({ href: `${base}/tasks`, label: t("nav.tasks") });
    if (hasPermission(current.roles, "audit.view")) nav.push({ href: `${base}/audit`, label: t("nav.audit") });
    if (hasPermission(current.roles, "partners.manage")) nav.push({ href: `${base}/partners`, label: t("nav.partners") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "consultations.ask")) nav.push({ href: `${base}/consultations`, label: t("nav.consultations") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "consultations.answer")) nav.push({ href: `${base}/district/consultations`, label: t("nav.consultations") });
    if (current.kind === "MUNICIPALITY" && hasPermission(current.roles, "communities.view")) nav.push({ href: `${base}/district/communities`, label: t("nav.communities") });
    if (current.kind === "SCHOOL" && hasPermission(current.roles, "communities.view")) nav.push({ href: `${base}/communities`, label: t("nav.schoolCommunities") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "district.publication")) nav.push({ href: `${base}/office-site`, label: t("nav.officeSite") });
    if (current.kind !== "SCHOOL" && hasPermission(current.roles, "district.awards")) nav.push({ href: `${base}/district-awards`, label: t("nav.districtAwards") });
  }
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-screen-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/" className="text-xl font-bold text-brand-900">
              {t("app.name")}
            </Link>
            {current ? (
              <div className="flex flex-col">
                <span className="text-xs text-slate-600">{t("nav.currentOrganization")}</span>
                <span className="font-medium" data-testid="current-organization">
                  {current.name}
                </span>
              </div>
            ) : null}
            {others.length > 0 ? (
              <details className="relative">
                <summary className="cursor-pointer rounded-md border border-slate-400 px-3 py-1 text-sm">{t("nav.otherOrganizations")}</summary>
                <ul className="absolute z-10 mt-1 min-w-72 rounded-md border border-slate-300 bg-white p-1 shadow-lg">
                  {others.map((o) => (
                    <li key={o.slug}>
                      <Link href={`/${o.slug}`} className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                        {o.name}
                        <span className="block text-xs text-slate-600">{o.roles.map((r) => t(`roles.${r}`)).join(", ")}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <LanguageSwitcher returnTo={returnTo} />
            <Link href="/account" className="text-sm text-brand-700 underline" title={t("nav.account")}>
              {user.name}
            </Link>
            <SignOutButton label={t("nav.signOut")} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-screen-2xl flex-1 flex-col gap-4 px-4 py-4 md:flex-row md:gap-6 md:py-6">
        {nav.length > 0 ? (
          <nav aria-label={t("nav.label")} className="md:w-56 md:shrink-0">
            <NavMenu
              summary={
                <>
                  <span aria-hidden="true">☰</span>
                  {t("nav.menu")}
                </>
              }
            >
              <ul className="mt-2 flex flex-col gap-1 md:mt-0">
                {nav.map((item) => (
                  <li key={item.href} className={item.unread ? "relative" : undefined}>
                    <NavLink href={item.href}>{item.label}</NavLink>
                    {item.unread ? <UnreadBadge count={item.unread} label={t("notifications.unreadBadge", { count: item.unread })} /> : null}
                  </li>
                ))}
              </ul>
            </NavMenu>
          </nav>
        ) : null}
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
