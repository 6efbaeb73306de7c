import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDatabaseUnavailable } from "../db/outage-signal";
import { serveWithOutagePage } from "./outage-response";

// A stand-in for Next's handler: what each path does is in its name. Writes the way Next does — status
// and headers set on the response, then chunks, then end — after an await, as a render would.
async function fakeNext(path: string, res: ServerResponse) {
  await new Promise((r) => setTimeout(r, 5));
  if (path.includes("db-down")) markDatabaseUnavailable();
  res.statusCode = path.includes("fails") ? 500 : 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("X-From-Next", "1");
  if (path.includes("writehead")) res.writeHead(res.statusCode);
  res.write("<html>next ");
  await new Promise((r) => setTimeout(r, 5));
  res.end("page</html>");
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => serveWithOutagePage(req, res, () => void fakeNext(req.url ?? "/", res)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(base + path, init);
  return { status: res.status, body: await res.text(), headers: res.headers };
};

describe("serveWithOutagePage", () => {
  it("turns a page that failed on an unreachable database into the 503 page, dropping Next's body and headers", async () => {
    for (const path of ["/s/school/fails-db-down", "/s/school/fails-db-down-writehead"]) {
      const res = await get(path);
      expect(res.status, path).toBe(503);
      expect(res.body).toContain("Сервис временно недоступен, попробуйте через минуту.");
      expect(res.body).not.toContain("next page");
      expect(res.headers.get("retry-after")).toBe("60");
      expect(res.headers.get("x-from-next")).toBeNull();
    }
    const head = await fetch(base + "/s/school/fails-db-down", { method: "HEAD" });
    expect(head.status).toBe(503);
  });

  it("leaves every other response alone", async () => {
    // A 500 for another reason, a page that succeeded although a query failed, an API route, a POST.
    expect(await get("/s/school/fails")).toMatchObject({ status: 500, body: "<html>next page</html>" });
    expect(await get("/s/school/db-down-but-rendered")).toMatchObject({ status: 200, body: "<html>next page</html>" });
    expect(await get("/api/things/fails-db-down")).toMatchObject({ status: 500, body: "<html>next page</html>" });
    expect(await get("/s/school/fails-db-down", { method: "POST" })).toMatchObject({ status: 500, body: "<html>next page</html>" });
  });

  it("marks only its own request: concurrent requests do not leak the mark", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => get(i % 2 ? "/s/a/fails-db-down" : "/s/a/fails")));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? 503 : 500)));
  });
});
