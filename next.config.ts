import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS, STATIC_CONTENT_SECURITY_POLICY } from "./lib/http/security-headers";
import { MIB, REQUEST_BODY_MAX_BYTES } from "./lib/uploads/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules as they are; pino and
  // prom-client are loaded as they are too (their module state is shared with lib/cli/serve.ts through globalThis).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pdfjs-dist", "pino", "prom-client"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for members of other organizations.
  // Server actions take uploads (lib/uploads/limits.ts): the largest file plus the form's fields. proxy.ts
  // answers a larger declared body with 413; Next buffers a body for proxy.ts up to its own limit and would
  // hand a truncated one on (an HTTP 500), so that limit is above the actions' one, whose refusal is a 413.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: REQUEST_BODY_MAX_BYTES },
    proxyClientMaxBodySize: REQUEST_BODY_MAX_BYTES + MIB,
  },
  poweredByHeader: false,
  // Security headers on every response; the Content-Security-Policy of pages and API routes comes from
  // proxy.ts (a nonce per request), the static one here only for the paths its matcher skips.
  async headers() {
    const staticCsp = [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }];
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/_next/static/:path*", headers: staticCsp },
      { source: "/_next/image", headers: staticCsp },
      { source: "/favicon.ico", headers: staticCsp },
      { source: "/robots.txt", headers: staticCsp },
    ];
  },
};

export default withNextIntl(nextConfig);
