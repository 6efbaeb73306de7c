// The embedded PGlite process killed during writes (issue #7, item 6). A child process
// (pglite-writer.ts) opens a data directory as the app does and writes people through the action
// wrapper, printing each acknowledged write; the test SIGKILLs it at different moments (a few
// milliseconds after the 5th or 20th acknowledgement, well inside a large import, and once while it
// is still opening the directory), then a fresh process (pglite-reopen.ts) opens the directory the
// way the app starts. Asserted after every kill: it opens, no migration is pending, the health check
// is up, a new write succeeds, every acknowledged write is there, and nothing is half-written (an
// import of IMPORT_ROWS people in one transaction is all there or not at all; person rows and audit
// records match; at most the one write in flight at the kill is present unacknowledged).
// PGlite writes through Emscripten's NODEFS straight into the files (write(2) per page), so a killed
// process loses nothing the kernel has; it has no fsync at all (PGlite starts PostgreSQL with -F and
// NODEFS implements no fsync), so this says nothing about a power cut or a kernel crash.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { IMPORT_ROWS } from "./pglite-writer-names";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "nastavnik-faults-pglite-"));
const dataDir = path.join(dir, "pglite");
const children = new Set<ReturnType<typeof spawn>>();

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, FAULTS_WRITER_MAX_MS: "20000" };
  delete env.DATABASE_URL; // the embedded database, as `npm start` without DATABASE_URL
  return env;
}

function tsx(script: string, round: number) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "faults", script), String(round)], {
    cwd: repoRoot,
    env: childEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  // Decode as a stream: Cyrillic names split across two chunks would otherwise turn into U+FFFD.
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  let stderr = "";
  child.stderr.on("data", (d: string) => (stderr += d));
  return { child, exited, stderr: () => stderr };
}

type Kill = { afterAcks: number; delayMs: number } | { afterImports: number; delayMs: number } | { duringOpenMs: number };
type InFlight = { kind: "create" | "import"; name: string } | null;
type Written = { creates: Map<string, string>; imports: Map<string, number>; ready: boolean; inFlight: InFlight };

/** Runs the writer and SIGKILLs it at the given moment; returns what it acknowledged before the kill. */
async function writeAndKill(round: number, kill: Kill): Promise<Written> {
  const writer = tsx("pglite-writer.ts", round);
  const out: Written = { creates: new Map(), imports: new Map(), ready: false, inFlight: null };
  let buffer = "";
  let killed = false;
  const killNow = () => {
    if (killed) return;
    killed = true;
    writer.child.kill("SIGKILL");
  };
  if ("duringOpenMs" in kill) setTimeout(killNow, kill.duringOpenMs);
  writer.child.stdout!.on("data", (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (killed) continue; // printed after the kill was decided: not counted as acknowledged
      const [tag, name, value] = line.split(" ");
      if (tag === "READY") out.ready = true;
      else if (tag === "TRY" && name) out.inFlight = { kind: "create", name };
      else if (tag === "TRYI" && name) out.inFlight = { kind: "import", name };
      else if (tag === "ACK" && name && value) {
        out.creates.set(name, value);
        out.inFlight = null;
        if ("afterAcks" in kill && out.creates.size === kill.afterAcks) setTimeout(killNow, kill.delayMs);
      } else if (tag === "ACKI" && name && value) {
        out.imports.set(name, Number(value));
        out.inFlight = null;
      }
      if (tag === "TRYI" && "afterImports" in kill && out.imports.size === kill.afterImports) setTimeout(killNow, kill.delayMs);
    }
  });
  const { code, signal } = await writer.exited;
  expect({ code, signal }, `writer round ${round} must die by SIGKILL, not by itself: ${writer.stderr()}`).toEqual({ code: null, signal: "SIGKILL" });
  return out;
}

type Reopened = {
  openMs: number;
  pending: string[];
  applied: string[];
  health: { ok: boolean; database: string };
  school: boolean;
  curator: boolean;
  /** People created one by one (imported ones are in batches). */
  persons: { id: string; lastName: string }[];
  batches: [string, number][];
  auditTargets: string[];
  importAudits: number;
  write: { ok: true; lastName: string; personId: string } | { ok: false; error: unknown } | null;
};

async function reopen(round: number): Promise<Reopened> {
  const checker = tsx("pglite-reopen.ts", round);
  let stdout = "";
  checker.child.stdout!.on("data", (d: string) => (stdout += d));
  const { code } = await checker.exited;
  expect(code, `the data directory must open after the kill of round ${round}: ${checker.stderr()}`).toBe(0);
  return JSON.parse(stdout.trim().split("\n").pop()!) as Reopened;
}

describe("PGlite process killed during writes", () => {
  it("the data directory opens cleanly and keeps every acknowledged write", { timeout: 240_000 }, async () => {
    const kills: Kill[] = [
      { afterAcks: 5, delayMs: 0 }, // the first round also creates the data directory
      { afterImports: 0, delayMs: 150 }, // inside the first import (one transaction, IMPORT_ROWS rows)
      { afterAcks: 20, delayMs: 3 },
      { duringOpenMs: 700 }, // while the directory is being opened (recovery of the previous kill)
      { afterImports: 1, delayMs: 300 }, // inside the second import, later in its transaction
    ];
    const creates = new Map<string, string>(); // lastName → id, acknowledged (or found committed) so far
    const imports = new Set<string>(); // batches acknowledged (or found whole) so far
    const figures: Record<string, unknown>[] = [];
    let schoolExists = false;

    for (const [i, kill] of kills.entries()) {
      const round = i + 1;
      const started = performance.now();
      const written = await writeAndKill(round, kill);
      schoolExists ||= written.ready;
      const state = await reopen(round);

      const ids = new Set(state.persons.map((p) => p.id));
      const batches = new Map(state.batches);
      const created = state.persons;
      const inFlightCommitted =
        written.inFlight?.kind === "create"
          ? created.some((p) => p.lastName === written.inFlight!.name)
          : written.inFlight?.kind === "import"
            ? batches.has(written.inFlight.name)
            : null;
      figures.push({
        round,
        kill,
        acknowledged: written.creates.size + written.imports.size * IMPORT_ROWS,
        found: [...written.creates.values()].filter((id) => ids.has(id)).length + [...written.imports.keys()].reduce((n, b) => n + (batches.get(b) ?? 0), 0),
        inFlight: written.inFlight?.kind ?? null,
        inFlightCommitted,
        openMs: state.openMs,
        roundMs: Math.round(performance.now() - started),
      });
      for (const [k, v] of written.creates) creates.set(k, v);
      for (const b of written.imports.keys()) imports.add(b);

      // Opens cleanly, as the app starts: schema current, health up.
      expect(state.pending, "migrations pending after the kill").toEqual([]);
      expect(state.applied).toEqual([]);
      expect(state.health).toMatchObject({ ok: true, database: "up" });
      if (!schoolExists) continue; // killed before the first school existed: nothing else to check
      expect(state.school && state.curator).toBe(true);
      // Every acknowledged write so far (all rounds, and the checkers' own writes) is there.
      expect([...creates].filter(([, id]) => !ids.has(id)), "acknowledged people lost").toEqual([]);
      expect([...imports].filter((b) => batches.get(b) !== IMPORT_ROWS), "acknowledged imports lost or partial").toEqual([]);
      // Nothing half-written: an import is all its rows or none, with one audit record per import;
      // each created person has its audit record and each audit record its person.
      expect([...batches].filter(([, n]) => n !== IMPORT_ROWS), "partial imports").toEqual([]);
      expect(state.importAudits).toBe(batches.size);
      expect(new Set(state.auditTargets)).toEqual(new Set(created.map((p) => p.id)));
      // Nothing beyond the acknowledged writes except, possibly, the one in flight at the kill.
      const inFlight = written.inFlight?.name;
      expect(created.filter((p) => !creates.has(p.lastName) && p.lastName !== inFlight).map((p) => p.lastName)).toEqual([]);
      expect([...batches.keys()].filter((b) => !imports.has(b) && b !== inFlight)).toEqual([]);
      for (const p of created) creates.set(p.lastName, p.id); // committed: must stay from now on
      for (const b of batches.keys()) imports.add(b);
      // And the database takes a new write.
      expect(state.write).toMatchObject({ ok: true });
      if (state.write?.ok) creates.set(state.write.lastName, state.write.personId);
    }

    console.log("[faults] pglite kills:", JSON.stringify(figures));
    // The kills really landed during writes: most rounds had a write in flight, one of them an import.
    expect(figures.filter((f) => f.inFlight !== null).length).toBeGreaterThanOrEqual(3);
    expect(figures.some((f) => f.inFlight === "import")).toBe(true);
  });
});
