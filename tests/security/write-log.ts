import type { Owner } from "./owner";
import { publicTables } from "./fingerprint";

/**
 * A committed-write log for the hostile-input suite: a row trigger on every table of the public schema
 * appends (table, operation, new row as jsonb) to security_write_log. The trigger runs inside the
 * action's transaction, so a refused (rolled back) action leaves no log row, and a committed write
 * always leaves one — a per-payload "did anything change?" check far cheaper than a fingerprint, and
 * the written rows show whether an accepted string was stored verbatim.
 */
export async function installWriteLog(db: Owner): Promise<void> {
  const tables = await publicTables(db);
  const triggers = tables
    .map((t) => `CREATE TRIGGER security_write_log AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION security_log_write();`)
    .join("\n");
  await db.exec(`
      CREATE TABLE security_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, row jsonb);
      CREATE FUNCTION security_log_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO security_write_log (tbl, op, row)
        VALUES (TG_TABLE_NAME, TG_OP, CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END);
        RETURN NULL;
      END $$;
      ${triggers}
    `);
}

export type LoggedWrite = { tbl: string; op: string; row: Record<string, unknown> };

/** The writes committed since the last call (and forgets them). */
export async function takeWrites(db: Owner): Promise<LoggedWrite[]> {
  const rows = await db.query<{ id: string | number; tbl: string; op: string; row: Record<string, unknown> | string }>(
    `DELETE FROM security_write_log RETURNING id, tbl, op, row`,
  );
  return rows
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((r) => ({ tbl: r.tbl, op: r.op, row: typeof r.row === "string" ? JSON.parse(r.row) : r.row }));
}

/** How many writes were committed since the last take (cheap). */
export async function countWrites(db: Owner): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM security_write_log`);
  return Number(row?.n ?? 0);
}
