import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue #18 item 2 and decision 027: every server module of lib/ — one that reaches the database, reads the
// environment (where the secrets are) or holds server actions — starts with `import "server-only"`, so a client
// component importing it fails `next build` instead of shipping it to the browser.
//
// The package throws outside the react-server condition. Next resolves it to an empty module in its server
// bundles, vitest by its alias, and the benchmark scripts that load scripts/server-only-allowed.ts first by hand;
// a plain Node process does not. So a module a plain Node entry point imports (the CLIs run with tsx — `npm
// start`, `db:*`, `backup`, `setup`, `roadmap:parse`, `orgs:import` —, the seeds, the other scripts, the Playwright
// specs and configs) must NOT carry it, or that command dies at start-up; neither may a module a client component
// imports. Those exemptions are derived here from the import graph, not listed by hand: a module stops being
// exempt the day no such entry point reaches it, and this test then asks for the import.

const root = process.cwd();
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.tsx?$/;

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path.relative(root, full));
  }
  return out;
}

const texts = new Map<string, string>();
const read = (file: string) => {
  if (!texts.has(file)) texts.set(file, fs.readFileSync(path.join(root, file), "utf8"));
  return texts.get(file)!;
};

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (SOURCE.test(candidate) && fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return path.normalize(candidate);
  }
  return null;
}

// The modules a file loads when it runs: static imports and re-exports that are not type-only, side-effect imports,
// dynamic import() and require(). Type-only imports are erased and load nothing.
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g;
function importsOf(file: string): string[] {
  const text = read(file);
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[4] !== undefined) {
      if (m[2]) continue;
      const names = /^\{([\s\S]*)\}$/.exec(m[3]!.trim());
      if (names && names[1]!.split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "))) continue;
    }
    const target = resolve(file, (m[4] ?? m[5] ?? m[6] ?? m[7])!);
    if (target) out.push(target);
  }
  return out;
}

function reachable(entries: string[], stop: (file: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    if (stop(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return seen;
}

const directive = (file: string, name: string) => new RegExp(`^(\\s*//[^\\n]*\\n|\\s*/\\*[\\s\\S]*?\\*/)*\\s*["']${name}["']`).test(read(file));
const marked = (file: string) => /^\s*import\s+["']server-only["'];?\s*$/m.test(read(file));

const libModules = walk("lib").filter((f) => !TEST.test(f));
const inLib = (f: string) => f.startsWith(`lib${path.sep}`);
const DB = `lib${path.sep}db${path.sep}`;

/** Why a lib module is a server module, or null. */
function serverReason(file: string): string | null {
  if (directive(file, "use server")) return "server actions";
  const loads = importsOf(file);
  if (file.startsWith(DB) || loads.some((f) => f.startsWith(DB))) return "the database";
  // A module handed a transaction (it imports only the type `Tx`) reads the database as well.
  if (/from\s+["'][./]*(?:lib\/)?db(?:\/[\w/-]+)?["']/.test(read(file)) || /from\s+["']\.\.?\/(?:\.\.\/)*db["']/.test(read(file))) return "the database (a transaction)";
  if (loads.includes(path.join("lib", "env.ts")) || /\bprocess\.env\b/.test(read(file))) return "the environment";
  return null;
}

// Plain Node entry points: every tsx target of package.json, the CLIs, the seeds, the scripts (those that load
// server-only-allowed.ts first run as servers), the Playwright specs, helpers and configs, the fault tests' children.
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
const tsxTargets = Object.values(pkg.scripts).flatMap((s) => [...s.matchAll(/\btsx\s+(\S+\.ts)/g)].map((m) => path.normalize(m[1]!)));
const PLAYWRIGHT_DIRS = ["tests/e2e", "tests/e2e-clock", "tests/golive", "tests/cluster", "tests/topology", "tests/screenshots"];
const nodeEntries = [
  ...tsxTargets,
  ...libModules.filter((f) => /(^|\/)cli\.ts$/.test(f) || f.startsWith(path.join("lib", "cli") + path.sep)),
  ...walk("prisma"),
  ...walk("scripts"),
  ...PLAYWRIGHT_DIRS.flatMap((d) => walk(d)),
  // The fault tests spawn these with `node --import tsx` (a writer killed mid-write, a reader reopening its files).
  ...walk("tests/faults").filter((f) => !TEST.test(f)),
  // Loaded by Next and by Prisma's CLI in plain Node, before any bundle exists.
  "next.config.ts",
  "prisma.config.ts",
  "playwright.config.ts",
  // The proxy (Next's middleware) is bundled apart from the react-server layer; what it loads stays unmarked.
  "proxy.ts",
].filter((f) => fs.existsSync(path.join(root, f)) && !/^\s*import\s+["']\.\/server-only-allowed["']/m.test(read(f)));

// A client component's imports end in the browser bundle; a "use server" module it imports is only a reference.
const clientEntries = [
  "instrumentation-client.ts",
  ...[...walk("app"), ...walk("components"), ...libModules].filter((f) => !TEST.test(f) && directive(f, "use client")),
].filter((f) => fs.existsSync(path.join(root, f)));

const plainNode = reachable(nodeEntries);
const browser = reachable(clientEntries, (f) => directive(f, "use server"));

// Server modules of directories another change is editing this week (lib/monitoring; lib/communities and
// lib/cross-pairs have none left): they take the import in the next change that touches them. The list may only
// shrink — an entry that carries the import, or is no longer a server module, fails the last test.
const PENDING = new Set<string>([]);

describe('import "server-only"', () => {
  it("finds the entry points it derives the exemptions from", () => {
    expect(nodeEntries).toContain(path.join("lib", "cli", "start.ts"));
    expect(nodeEntries).toContain(path.join("lib", "db", "cli.ts"));
    expect(nodeEntries).toContain(path.join("prisma", "seed.ts"));
    expect(clientEntries.length).toBeGreaterThan(20);
    // The graph is read right: the seed reaches the actions it calls, the start script the database.
    expect([...plainNode].some((f) => f.startsWith(DB))).toBe(true);
    expect(serverReason(path.join("lib", "people", "actions.ts"))).toBe("server actions");
  });

  it("is imported by every server module no plain Node entry point or client component loads", () => {
    const missing = libModules
      .filter((f) => !plainNode.has(f) && !browser.has(f) && !marked(f) && !PENDING.has(f))
      .map((f) => [f, serverReason(f)] as const)
      .filter(([, reason]) => reason)
      .map(([f, reason]) => `${f} (${reason})`);
    expect(missing, 'add `import "server-only";` after the imports\' first line (or "use server")').toEqual([]);
  });

  it("is not imported by a module a plain Node process or the browser loads (it would throw there)", () => {
    const wrong = [...plainNode, ...browser].filter((f) => inLib(f) && marked(f));
    expect([...new Set(wrong)]).toEqual([]);
  });

  it("keeps the pending list to server modules still without the import", () => {
    for (const f of PENDING) expect({ f, reason: serverReason(f) !== null, marked: marked(f), exempt: plainNode.has(f) || browser.has(f) }).toEqual({ f, reason: true, marked: false, exempt: false });
  });
});
