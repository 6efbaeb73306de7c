import "server-only";
import { cache } from "react";
import { hasPermission } from "../auth/permissions";
import { getSessionUser } from "../auth/session";
import { resolveTenant } from "../auth/tenant";
import { withDb } from "../db";
import { loadPublicSectionHead, type PublicOptions } from "./public";

// The public pages' view of the visitor: everyone sees the published section; the school's own director or
// curator (an office's methodist or head), signed in, also sees it before publication (a preview, marked and not indexed). The session is
// read only for an unpublished section, so published pages cost visitors nothing extra.

/** May the signed-in visitor preview this school's unpublished section? */
export const canPreviewSection = cache(async (slug: string): Promise<boolean> => {
  const user = await getSessionUser();
  if (!user) return false;
  const found = await withDb({ userId: user.id }, (tx) => resolveTenant(tx, user.id, slug));
  if (!found.ok) return false;
  // A school's section is previewed by who manages it; an office's by who manages the office's (decision 060).
  return found.organization.kind === "SCHOOL" ? hasPermission(found.roles, "publication.manage") : hasPermission(found.roles, "district.publication");
});

/** The section's head for this visitor and the options every loader of the request should use; null → 404. */
export const visitorSection = cache(async (slug: string): Promise<{ head: NonNullable<Awaited<ReturnType<typeof loadPublicSectionHead>>>; options: PublicOptions } | null> => {
  const head = await loadPublicSectionHead(slug);
  if (head) return { head, options: {} };
  if (!(await canPreviewSection(slug))) return null;
  const preview = await loadPublicSectionHead(slug, { preview: true });
  return preview ? { head: preview, options: { preview: true } } : null;
});
