import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // One way to reach the database: lib/db (tenant transactions) — nothing else imports the raw client.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/generated/prisma/client", "**/db/database", "**/db/generated/prisma"], message: "Use withDb / tenant helpers from lib/db instead of the raw Prisma client." },
          ],
          paths: [
            { name: "@prisma/client", message: "Use lib/db." },
            { name: "@electric-sql/pglite", message: "Use lib/db." },
            { name: "pg", message: "Use lib/db." },
          ],
        },
      ],
    },
  },
];
export default config;
