import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for members of other organizations.
  // Server actions take uploads: spreadsheets of up to 10,000 rows (5 MB) and scans of up to 10 MB.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  poweredByHeader: false,
  // Baseline security headers on every response (a nonce-based CSP is for the hardening issue).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
