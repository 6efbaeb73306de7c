// npm run db:migrate | db:seed | db:status — the project's own migration runner, no Prisma engine needed.
import { readEnv } from "../env";
import { pendingMigrations } from "./migrate";
import { openConfiguredDatabase, prepareDatabase } from "./setup";
import { consoleText } from "../i18n/russian-console";

async function main(command: string | undefined) {
  switch (command) {
    case "migrate":
      await prepareDatabase({ seed: false });
      return;
    case "seed":
      await prepareDatabase({ seed: true });
      return;
    case "status": {
      const db = await openConfiguredDatabase(readEnv());
      try {
        const pending = await db.withExecutor((ex) => pendingMigrations(ex));
        console.log(pending.length ? consoleText("db.pending", { migrations: pending.join(", ") }) : consoleText("db.allApplied"));
        process.exitCode = pending.length ? 1 : 0;
      } finally {
        await db.close();
      }
      return;
    }
    default:
      console.error("usage: tsx lib/db/cli.ts migrate|seed|status");
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
