import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireTenantRequest } from "@/lib/auth/tenant";

export const dynamic = "force-dynamic";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, shell } = await requireTenantRequest(org);
  return (
    <AppShell
      user={ctx.user}
      organizations={shell.organizations}
      current={{ slug: ctx.organization.slug, name: ctx.organization.shortName ?? ctx.organization.name, kind: ctx.organization.kind, roles: ctx.roles, unreadNotifications: shell.unreadNotifications }}
      returnTo={`/${ctx.organization.slug}`}
    >
      {children}
    </AppShell>
  );
}
