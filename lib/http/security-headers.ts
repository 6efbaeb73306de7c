// The security headers of every response, in one place: proxy.ts sets the Content-Security-Policy of
// pages (with a per-request nonce) and of API routes; next.config.ts sets the rest on every path and
// the static CSP of the files the proxy does not see (/_next/static, /_next/image, favicon, robots).

const join = (directives: string[]) => directives.join("; ");

/**
 * Pages: scripts only with this request's nonce (Next puts it on its own scripts) and what they load
 * ('strict-dynamic'); no plugins, no <base>, no framing, forms post only to this origin. Styles allow
 * inline attributes: React's style props and the charts use them — a nonce here would void
 * 'unsafe-inline', and styles cannot run code. 'unsafe-eval' only in development (React's debugging).
 * `formTargets`: other origins a form may lead to — the single sign-on provider (docs/decisions/021):
 * the «Войти через …» form's answer redirects there, and browsers apply form-action to that redirect.
 */
export function pageContentSecurityPolicy(nonce: string, development = false, formTargets: readonly string[] = []): string {
  return join([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
  ]);
}

/** API routes and files: nothing may load or run; a response opened as a document stays inert. */
export function apiContentSecurityPolicy(): string {
  return join(["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]);
}

/** Static assets (scripts, styles, images of the build): the same inert policy. */
export const STATIC_CONTENT_SECURITY_POLICY = apiContentSecurityPolicy();

/** Headers on every response (next.config.ts `headers`), whatever served it. */
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // Browsers ignore HSTS over plain http (http://localhost keeps working); over https it pins https.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
] as const;

/** The origin of the single sign-on provider (OIDC_ISSUER), for form-action; none when unset or malformed. */
export function singleSignOnFormTargets(issuer: string | undefined): string[] {
  if (!issuer) return [];
  try {
    const url = new URL(issuer);
    return url.protocol === "https:" || url.protocol === "http:" ? [url.origin] : [];
  } catch {
    return [];
  }
}
