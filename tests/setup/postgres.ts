import { randomBytes } from "node:crypto";
import pg from "pg";

// The PostgreSQL server's side of the suites (the integration projects, the CLI tests, the cluster and go-live
// servers): plain Node, nothing of vitest or the app, so a Playwright web server may import it too.

/** The URL of another database on the same server (same user, host and options). */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `fn` on a connection of its own to `url` (creating and dropping databases), closed afterwards. */
export async function withClient<T>(url: string | undefined, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new empty database `<prefix>_<pid>_<random>` on the server of `adminUrl`, after dropping the leftovers of
 * earlier runs that were killed hard — only those whose process is gone: the pid in the name tells a leftover
 * from a database another run on the same machine is using right now (parallel checkouts share this server).
 */
export async function freshDatabase(adminUrl: string, prefix: string, processAlive: (pid: number) => boolean): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${randomBytes(5).toString("hex")}`;
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'`);
    for (const r of rows) {
      const pid = Number(new RegExp(`^${prefix}_(\\d+)_`).exec(r.datname)?.[1]);
      if (pid && processAlive(pid)) continue;
      await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE ${name}`);
  });
  return { name, url: databaseUrl(adminUrl, name) };
}
