// npm run backup -- --out FILE | npm run restore -- --in FILE [--force] (docs/operations.md).
// The database is the configured one: DATABASE_URL (PostgreSQL, pg_dump/pg_restore) or the embedded
// PGlite of PGLITE_DIR. A refusal prints a Russian message and exits 1 having changed nothing.
import { access } from "node:fs/promises";
import { embeddedDataDir, readEnv } from "../../env";
import { BackupError, type BackupManifest } from "./container";
import { backupPGlite, restorePGlite } from "./pglite";
import { backupPostgres, restorePostgres } from "./postgres";
import { consoleText } from "../../i18n/russian-console";

const USAGE = consoleText("backup.usage");

function argument(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] && !args[i + 1]!.startsWith("--") ? args[i + 1]! : null;
}

function describe(manifest: BackupManifest): string {
  return consoleText("backup.described", {
    kind: manifest.kind,
    createdAt: manifest.createdAt,
    count: String(manifest.migrations.length),
    last: manifest.migrations.at(-1) ?? consoleText("backup.noMigrations"),
    megabytes: (manifest.payloadBytes / 1024 / 1024).toFixed(1),
  });
}

async function main(command: string | undefined, args: string[]): Promise<void> {
  const env = readEnv();
  if (command === "backup") {
    const out = argument(args, "--out");
    if (!out) throw new BackupError(consoleText("backup.outMissing", { usage: USAGE }));
    const exists = await access(out).then(() => true, () => false);
    if (exists) throw new BackupError(consoleText("backup.outExists", { file: out }));
    const manifest = env.DATABASE_URL ? await backupPostgres(env.DATABASE_URL, out) : await backupPGlite(embeddedDataDir(env), out);
    console.log(`[backup] ${out}: ${describe(manifest)}`);
    return;
  }
  if (command === "restore") {
    const file = argument(args, "--in");
    if (!file) throw new BackupError(consoleText("backup.inMissing", { usage: USAGE }));
    const force = args.includes("--force");
    const manifest = env.DATABASE_URL ? await restorePostgres(env.DATABASE_URL, file, { force }) : await restorePGlite(embeddedDataDir(env), file, { force });
    console.log(consoleText("backup.restored", { file, description: describe(manifest) }));
    console.log(consoleText("backup.restoredMigrationsNote"));
    return;
  }
  throw new BackupError(USAGE);
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error instanceof BackupError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
