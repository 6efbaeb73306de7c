import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "../../lib/db/setup";

// Start-up rules of the embedded default vs PostgreSQL (no database needed for these).
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("resolveAuthSecret", () => {
  it("refuses to start on PostgreSQL without AUTH_SECRET", async () => {
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/none";
    delete process.env.AUTH_SECRET;
    await expect(resolveAuthSecret()).rejects.toThrow(/AUTH_SECRET не задан/);
  });

  it("uses the given AUTH_SECRET", async () => {
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/none";
    process.env.AUTH_SECRET = "x".repeat(40);
    expect(await resolveAuthSecret()).toBe("x".repeat(40));
  });

  it("makes and keeps its own secret for the embedded database", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nastavnik-"));
    delete process.env.DATABASE_URL;
    delete process.env.AUTH_SECRET;
    process.env.PGLITE_DIR = path.join(dir, "pglite");
    const first = await resolveAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(await resolveAuthSecret()).toBe(first);
    expect((await readFile(path.join(dir, "auth-secret"), "utf8")).trim()).toBe(first);
  });
});
