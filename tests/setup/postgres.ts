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
