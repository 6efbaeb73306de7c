import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { prefixLines, waitHealthy } from "../setup/servers";

// The harnesses' wait for an instance (tests/setup/servers.ts), against a local server that is not healthy at
// first: the harnesses themselves run only with a production build, so their shared helper is proved here.
let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function serve(answer: (n: number, path: string) => number): Promise<number> {
  let n = 0;
  server = http.createServer((req, res) => {
    res.statusCode = answer(++n, req.url ?? "");
    res.end();
  });
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
}

describe("waitHealthy", () => {
  it("asks /api/health until it answers 200", async () => {
    const paths: string[] = [];
    const port = await serve((n, path) => (paths.push(path), n < 3 ? 503 : 200));
    await waitHealthy(port, 10_000, 10);
    expect(paths).toEqual(["/api/health", "/api/health", "/api/health"]);
  });

  it("refuses, naming the port, when the instance never becomes healthy in time", async () => {
    const port = await serve(() => 500);
    await expect(waitHealthy(port, 200, 10)).rejects.toThrow(`instance on port ${port} did not become healthy`);
  });
});

describe("prefixLines", () => {
  it("names each non-empty line of a child's output", () => {
    expect(prefixLines("A", Buffer.from("ready on 3000\n\nGET /api/health 200\n"))).toBe("[A] ready on 3000\n[A] GET /api/health 200\n");
  });
});
