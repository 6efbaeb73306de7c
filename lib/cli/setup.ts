// npm run setup -- --operator-email ADDRESS: an empty PostgreSQL database (DATABASE_URL) becomes a platform
// with its operator (lib/operator/setup-platform.ts, decision 018). Exit codes: 0 done, 1 refused (already
// set up) or failed, 2 wrong usage or settings.
import { Email } from "../auth/schemas";
import { setDatabase } from "../db";
import { openConfiguredDatabase } from "../db/setup";
import { readEnv } from "../env";
import { setupPlatform } from "../operator/setup-platform";
import { readReminderConfig } from "../reminders/config";
import { consoleText } from "../i18n/russian-console";

function usage(message: string): never {
  console.error(consoleText("setup.usage", { problem: message }));
  process.exit(2);
}

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main() {
  const raw = argument("--operator-email");
  if (!raw) usage(consoleText("setup.emailMissing"));
  const email = Email.safeParse(raw);
  if (!email.success) usage(consoleText("setup.emailInvalid", { email: raw }));
  let env: ReturnType<typeof readEnv>;
  let config: ReturnType<typeof readReminderConfig>;
  try {
    env = readEnv();
    config = readReminderConfig();
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (!env.DATABASE_URL) {
    usage(consoleText("setup.databaseUrlMissing"));
  }
  if (!config.appUrl) {
    usage(consoleText("setup.appUrlMissing"));
  }
  const db = await openConfiguredDatabase(env);
  setDatabase(db);
  try {
    const result = await setupPlatform({ db, email: email.data, appUrl: config.appUrl, smtp: config.smtp });
    if (!result.ok) {
      console.error(result.message);
      process.exitCode = 1;
      return;
    }
    if (result.migrations.length) console.log(consoleText("setup.migrationsApplied", { count: String(result.migrations.length) }));
    console.log(consoleText("setup.operatorCreated", { email: email.data }));
    console.log(consoleText("setup.linkIntro", { expiresAt: result.expiresAt.toISOString() }));
    console.log(result.link);
    if (result.mailed) console.log(consoleText("setup.linkMailed", { email: email.data }));
    else if (result.mailError) console.warn(consoleText("setup.mailFailed", { error: result.mailError }));
    else console.log(consoleText("setup.smtpNotConfigured"));
  } finally {
    await db.close();
    setDatabase(undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
