import type { Owner } from "./owner";

/**
 * Whole-database fingerprints, read as the database owner (outside row-level security): per table of
 * the public schema the row count and an md5 over the md5 of every row (order-independent).
 * Tables of the test harness itself (security_*) and Prisma's bookkeeping are left out.
 */
export type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Rows to leave out of a table's fingerprint: a SQL condition over the row alias `t`. */
export type FingerprintOptions = { exclude?: Record<string, string>; skipTables?: string[] };

const tableCache: WeakMap<Owner, string[]> = new WeakMap();

export async function publicTables(db: Owner): Promise<string[]> {
  const cached = tableCache.get(db);
  if (cached) return cached;
  const rows = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT LIKE 'security\\_%' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
  );
  const names = rows.map((r) => r.name);
  tableCache.set(db, names);
  return names;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function fingerprint(db: Owner, options: FingerprintOptions = {}): Promise<Fingerprint> {
  const tables = (await publicTables(db)).filter((t) => !options.skipTables?.includes(t));
  const sql = tables
    .map((table) => {
      const where = options.exclude?.[table] ? `WHERE NOT (${options.exclude[table]})` : "";
      return `SELECT ${`'${table}'`} AS name, count(*)::int AS rows,
        coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS md5 FROM ${quote(table)} t ${where}`;
    })
    .join("\nUNION ALL\n");
  const rows = await db.query<{ name: string; rows: number; md5: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), md5: r.md5 }]));
}

/** The tables whose fingerprint differs ("Pair: 3 → 4 rows", "Person: changed"). */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[table];
    const b = after[table];
    if (!a || !b) out.push(`${table}: table ${a ? "dropped" : "created"}`);
    else if (a.rows !== b.rows) out.push(`${table}: ${a.rows} → ${b.rows} rows`);
    else if (a.md5 !== b.md5) out.push(`${table}: rows changed`);
  }
  return out;
}
