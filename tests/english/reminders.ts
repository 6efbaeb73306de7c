// One reminder cycle over the demo district before the English crawl (tests/english/serve.ts): the notifications
// and the outbox then hold reminders made by the rules, which the crawl must find worded in English (they are stored
// as a key with values, decision 063) — a district with no reminders would let those pages pass unread. Run with
// `node --conditions=react-server --import tsx` (server-only modules) and the database of the crawl's server.
import { runReminderCycle } from "../../lib/reminders/scheduler";

async function main() {
  // No SMTP here: the letters wait in the outbox with the "not configured" note, which the crawl reads too.
  const summary = await runReminderCycle(new Date(), { log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`reminders made: ${summary.created} over ${summary.organizations} organizations\n`);
  if (summary.created === 0 || summary.errors > 0) throw new Error(`the demo district got no reminders to crawl (${JSON.stringify(summary)})`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
