import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { Notice } from "@/components/ui/notice";
import { requireTenantRequest } from "@/lib/auth/tenant";

export const dynamic = "force-dynamic";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, shell } = await requireTenantRequest(org);
  // An archived organization reads as before, and every change is refused (decision 018): say so on each page.
  const archived = ctx.organization.archivedAt ? (await getTranslations("operator"))("archivedBanner") : null;
  return (
    <AppShell
      user={ctx.user}
      organizations={shell.organizations}
      current={{ slug: ctx.organization.slug, name: ctx.organization.shortName ?? ctx.organization.name, kind: ctx.organization.kind, roles: ctx.roles, unreadNotifications: shell.unreadNotifications }}
      returnTo={`/${ctx.organization.slug}`}
    >
      {archived ? (
        <div className="mb-4">
          <Notice kind="info">{archived}</Notice>
        </div>
      ) : null}
      {children}
    </AppShell>
  );
}
