import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine on first use, from a host
// this environment cannot reach. Point it at our offline bridge instead, which
// runs Prisma's own WebAssembly schema engine (prisma/schema-engine/bridge.mjs).
// The CLI loads this file before it looks up the engine, and passes its
// environment on to the engine, so setting the variable here is enough.
// An explicitly set PRISMA_SCHEMA_ENGINE_BINARY still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./prisma/schema-engine/schema-engine", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  // Not env("DATABASE_URL"): that throws while loading the config, which would
  // break `prisma generate` (needs no database). Commands that do need one fail
  // with "The datasource.url property is required in your Prisma config file…".
  datasource: {
    url: process.env.DATABASE_URL,
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
