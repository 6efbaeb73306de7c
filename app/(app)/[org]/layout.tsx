import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { listUserOrganizations, requireTenant } from "@/lib/auth/tenant";

export const dynamic = "force-dynamic";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  const organizations = await listUserOrganizations(ctx.user.id);
  return (
    <AppShell
      user={ctx.user}
      organizations={organizations}
      current={{ slug: ctx.organization.slug, name: ctx.organization.shortName ?? ctx.organization.name, kind: ctx.organization.kind, roles: ctx.roles }}
      returnTo={`/${ctx.organization.slug}`}
    >
      {children}
    </AppShell>
  );
}
