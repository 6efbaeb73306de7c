// npm run bench:html [-- --json] — the HTML every page of a signed-in curator and director of the demo school
// (/sosh-20) weighs, against the goal of issue #14 item 2 (a page's decompressed HTML ≤ 40 KB).
//
// Needs DATABASE_URL (like bench:requests: migrations, the demo district seeded when missing, `next build` when
// `.next` has no build). The pages are found the way a user finds them: the links of the school's home, then the
// links of those pages (two levels, inside /sosh-20, one address per route pattern and query-less), each fetched
// once with gzip accepted. Per page: decompressed bytes, gzip bytes as served, and where the bytes are — the
// markup (the HTML outside <script>) and the flight payload (the React Server Components rows of the inline
// <script>s, which repeat the server-rendered content and carry the client components' props).

import http from "node:http";
import { gunzipSync } from "node:zlib";
import { ensureBuild, prepareBenchDatabase, signIn, startServer } from "./bench-server";

const GOAL_BYTES = 40 * 1024;
const SCHOOL = "/sosh-20";
const ACCOUNTS = ["curator@sosh20.demo", "director@sosh20.demo"];

type Weighed = { path: string; status: number; html: boolean; htmlBytes: number; gzipBytes: number; scriptBytes: number; body: string };

function get(origin: string, pathname: string, cookie: string): Promise<Weighed> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}${pathname}`, { headers: { "accept-encoding": "gzip", cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const gzip = res.headers["content-encoding"] === "gzip";
        const body = gzip ? gunzipSync(raw) : raw;
        const text = body.toString("utf8");
        const scriptBytes = [...text.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
        resolve({ path: pathname, status: res.statusCode ?? 0, html: String(res.headers["content-type"] ?? "").startsWith("text/html"), htmlBytes: body.length, gzipBytes: gzip ? raw.length : body.length, scriptBytes, body: text });
      });
    });
    req.on("error", reject);
  });
}

/** The route pattern of a path: ids (uuids, cuids, numbers) replaced, so each kind of page is weighed once. */
const pattern = (p: string) => p.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}|\/c[a-z0-9]{20,}|\/\d+(?=\/|$)/g, "/:id");

const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&").split(/[?#]/)[0]!)
    .filter((h) => h === SCHOOL || h.startsWith(`${SCHOOL}/`));

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: the benchmark runs the server against PostgreSQL only.");
    process.exit(2);
  }
  const log = (line: string) => console.error(line);
  await prepareBenchDatabase(url, log);
  await ensureBuild(log);
  const server = await startServer(url, log);
  const results: (Weighed & { account: string })[] = [];
  try {
    for (const account of ACCOUNTS) {
      const cookie = await signIn(server.origin, account);
      const seen = new Set<string>();
      let level = [SCHOOL];
      for (let depth = 0; depth < 3 && level.length; depth++) {
        const next: string[] = [];
        for (const p of level) {
          if (seen.has(pattern(p))) continue;
          seen.add(pattern(p));
          const page = await get(server.origin, p, cookie);
          if (page.status !== 200 || !page.html) continue; // downloads (.docx, .xlsx) are not pages
          results.push({ ...page, account });
          next.push(...links(page.body));
        }
        level = [...new Set(next)];
      }
    }
  } finally {
    await server.stop();
  }
  const kib = (b: number) => `${(b / 1024).toFixed(1)}`;
  results.sort((a, b) => b.htmlBytes - a.htmlBytes);
  console.log(`${"page".padEnd(46)}${"account".padEnd(10)}${"HTML KiB".padStart(9)}${"markup".padStart(8)}${"flight".padStart(8)}${"gzip".padStart(7)}`);
  for (const r of results) {
    const over = r.htmlBytes > GOAL_BYTES ? "  over" : "";
    console.log(`${r.path.slice(0, 45).padEnd(46)}${r.account.split("@")[0]!.padEnd(10)}${kib(r.htmlBytes).padStart(9)}${kib(r.htmlBytes - r.scriptBytes).padStart(8)}${kib(r.scriptBytes).padStart(8)}${kib(r.gzipBytes).padStart(7)}${over}`);
  }
  const worst = results[0]!;
  const over = results.filter((r) => r.htmlBytes > GOAL_BYTES);
  console.log(`\n${results.length} pages; worst ${worst.path} (${worst.account}) ${kib(worst.htmlBytes)} KiB; over ${kib(GOAL_BYTES)} KiB: ${over.length}`);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ goalBytes: GOAL_BYTES, worstHtmlBytes: worst.htmlBytes, worstHtmlPage: worst.path, over: over.length, pages: results.map((r) => ({ path: r.path, account: r.account, htmlBytes: r.htmlBytes, gzipBytes: r.gzipBytes, scriptBytes: r.scriptBytes })) }));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
