// npm run setup -- --operator-email ADDRESS: an empty PostgreSQL database (DATABASE_URL) becomes a platform
// with its operator (lib/operator/setup-platform.ts, decision 018). Exit codes: 0 done, 1 refused (already
// set up) or failed, 2 wrong usage or settings.
import { Email } from "../auth/schemas";
import { setDatabase } from "../db";
import { openConfiguredDatabase } from "../db/setup";
import { readEnv } from "../env";
import { setupPlatform } from "../operator/setup-platform";
import { readReminderConfig } from "../reminders/config";

function usage(message: string): never {
  console.error(`${message}\nИспользование: npm run setup -- --operator-email ADDRESS (нужны DATABASE_URL и APP_URL; SMTP_* — чтобы отправить ссылку письмом).`);
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
  if (!raw) usage("Не указан адрес оператора (--operator-email).");
  const email = Email.safeParse(raw);
  if (!email.success) usage(`Адрес оператора «${raw}» не похож на адрес электронной почты.`);
  let env: ReturnType<typeof readEnv>;
  let config: ReturnType<typeof readReminderConfig>;
  try {
    env = readEnv();
    config = readReminderConfig();
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (!env.DATABASE_URL) {
    usage("DATABASE_URL не задан. setup готовит пустую базу PostgreSQL для работы в регионе; встроенная база `npm start` заполняется демо-данными сама.");
  }
  if (!config.appUrl) {
    usage("APP_URL не задан: ссылка для пароля оператора строится только из него (например: APP_URL=https://nastavnik.example.ru).");
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
    if (result.migrations.length) console.log(`[setup] применены миграции: ${result.migrations.length}`);
    console.log(`[setup] создан оператор платформы: ${email.data}`);
    console.log(`[setup] ссылка, чтобы задать пароль (одна, действует до ${result.expiresAt.toISOString()}):`);
    console.log(result.link);
    if (result.mailed) console.log(`[setup] ссылка отправлена письмом на ${email.data}`);
    else if (result.mailError) console.warn(`[setup] письмо не отправлено (${result.mailError}); передайте ссылку оператору сами.`);
    else console.log("[setup] SMTP не настроен: передайте ссылку оператору сами.");
  } finally {
    await db.close();
    setDatabase(undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
