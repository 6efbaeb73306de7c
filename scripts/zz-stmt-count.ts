// throwaway (not committed): statements per page from PostgreSQL's statement log of database lead_dev
import { readFileSync, statSync } from "node:fs";
import { prepareBenchDatabase, signIn, startServer, CURATOR } from "./bench-server";
const URL = "postgresql://postgres@127.0.0.1:5432/lead_dev";
const LOG = "/var/log/postgresql/postgresql-15-main.log";
const pages = (process.argv[2] ?? "/sosh-20,/sosh-20/program,/sosh-20/people,/sosh-20/pairs,/sosh-20/monitoring,/sosh-20/mentees,/sosh-20/mentors,/sosh-20/program/roadmap,/sosh-20/program/passport,/sosh-20/acts,/sosh-20/surveys,/sosh-20/members,/sosh-20/notifications,/sosh-20/practices,/account,/login").split(",");
async function main() {
  await prepareBenchDatabase(URL, console.log);
  const server = await startServer(URL, console.log);
  try {
    const cookie = await signIn(server.origin, CURATOR);
    for (const p of pages) {
      const counts: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const before = statSync(LOG).size;
        const res = await fetch(server.origin + p, { headers: p === "/login" ? {} : { cookie }, redirect: "manual" });
        bytes = (await res.text()).length;
        await new Promise((r) => setTimeout(r, 400));
        const text = readFileSync(LOG).subarray(before).toString();
        counts.push(text.split("\n").filter((l) => l.includes("@lead_dev") && /LOG:\s+(statement|execute)/.test(l)).length);
        if (i === 0 && process.env.SHOW) console.log(text.split("\n").filter((l) => l.includes("@lead_dev")).map((l) => l.slice(0, 220)).join("\n"));
      }
      console.log(`${p}\t${counts.join(",")}\t${bytes} chars`);
    }
  } finally {
    await server.stop();
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
