import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for members of other organizations.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
