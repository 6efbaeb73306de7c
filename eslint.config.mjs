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
  {
    // One way to read (CONTRIBUTING.md «Adding a page», decision 016): routes and components call named query functions of
    // lib/<area>/queries.ts with the request's tenant context — they never hold a transaction or a client.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/generated/prisma/client", "**/db/database", "**/db/generated/prisma"], message: "Use withDb / tenant helpers from lib/db instead of the raw Prisma client." },
            { group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"], message: "Pages and components read through query functions in lib/<area>/queries.ts (readPage for one transaction)." },
          ],
          paths: [
            { name: "@prisma/client", message: "Use lib/db." },
            { name: "@electric-sql/pglite", message: "Use lib/db." },
            { name: "pg", message: "Use lib/db." },
            { name: "@/lib/auth/tenant", importNames: ["readTenant", "readOperator"], message: "readTenant and readOperator are for query functions in lib/; a page uses readPage / readOperatorPage around them." },
          ],
        },
      ],
    },
  },
  {
    // One source of "now" (docs/decisions/011): lib/clock's now(), which tests can set. Rules that need
    // "today" take it as an argument, in the organization's zone (lib/domain/local-date).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/clock.ts", "lib/db/generated/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use now() from lib/clock (the injectable clock), or organizationToday(ctx) for a calendar date." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Use now() from lib/clock; for an elapsed duration use performance.now()." },
      ],
    },
  },
];
export default config;
