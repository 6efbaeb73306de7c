// Organization slugs are the first segment of the application's URLs (/sosh-20/people): a slug must not
// be one of the application's own top-level routes, or the organization's pages would be unreachable.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "account", "api", "forgot-password", "invite", "login", "logout", "operator", "q", "reset-password", "s", "setup", "static", "public", "admin",
]);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug);
}
