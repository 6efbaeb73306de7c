import path from "node:path";

// Where the English crawl's server listens and where it leaves its database's address for the spec.
export const ENGLISH = {
  port: Number(process.env.ENGLISH_PORT ?? 3180),
  adminUrl: process.env.ENGLISH_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  databaseFile: path.resolve(__dirname, "..", "..", ".data", "english", "database-url"),
};
