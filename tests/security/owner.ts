import pg from "pg";
import type { Database } from "../../lib/db/database";

/**
 * One connection as the database owner (superuser, outside row-level security) kept open for a test
 * file: fingerprints and write-log reads run thousands of times, and the Database's own executor opens
 * a new PostgreSQL connection per call.
 */
export type Owner = {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

export async function openOwner(db: Database & { url?: string }): Promise<Owner> {
  if (db.kind === "postgres") {
    if (!db.url) throw new Error("the PostgreSQL test database has no url");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return {
      async query<T>(sql: string, params: unknown[] = []) {
        return (await client.query(sql, params)).rows as T[];
      },
      async exec(sql) {
        await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  return {
    query: <T>(sql: string, params: unknown[] = []) => db.withExecutor((ex) => ex.query<T>(sql, params)),
    exec: (sql) => db.withExecutor((ex) => ex.exec(sql)),
    close: async () => {},
  };
}
