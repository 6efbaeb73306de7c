import { describe, expect, it } from "vitest";
import { chooseRequestId } from "./request-context";
import { pathOf, routePatternsFrom } from "./route-patterns";

// Shapes as in .next/routes-manifest.json (Next 16): static routes exactly, dynamic ones most specific first.
const routeOf = routePatternsFrom({
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/login", regex: "^/login(?:/)?$" },
    { page: "/api/health/live", regex: "^/api/health/live(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/[org]/people/import", regex: "^/([^/]+?)/people/import(?:/)?$" },
    { page: "/[org]/people/[personId]", regex: "^/([^/]+?)/people/([^/]+?)(?:/)?$" },
    { page: "/[org]", regex: "^/([^/]+?)(?:/)?$" },
  ],
});

describe("route patterns for metric labels", () => {
  it("names a request by its route, never by its address", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/login")).toBe("/login");
    expect(routeOf("/login/")).toBe("/login");
    expect(routeOf("/api/health/live")).toBe("/api/health/live");
    expect(routeOf("/api/auth/callback/oidc")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/sosh-20/people/import")).toBe("/[org]/people/import");
    expect(routeOf("/sosh-20/people/5f0c2a4e-1111-2222-3333-444455556666")).toBe("/[org]/people/[personId]");
    expect(routeOf("/sosh-20")).toBe("/[org]");
  });

  it("puts Next's files in three buckets and anything else in «unmatched»", () => {
    expect(routeOf("/_next/static/chunks/app-123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/_next/data/x.json")).toBe("/_next");
    expect(routeOf("/sosh-20/no/such/page")).toBe("unmatched");
    expect(routePatternsFrom({})("/anything")).toBe("unmatched");
  });

  it("reads the path of a request target", () => {
    expect(pathOf("/a/b?x=1#y")).toBe("/a/b");
    expect(pathOf("/a")).toBe("/a");
    expect(pathOf(undefined)).toBe("/");
    expect(pathOf("http://evil.test/x")).toBe("/");
  });
});

describe("the request id", () => {
  it("keeps a trusted proxy's plain id, replaces anyone else's and anything odd", () => {
    const fresh = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(chooseRequestId("nginx-7f3a9c", true)).toBe("nginx-7f3a9c");
    expect(chooseRequestId(["first", "second"], true)).toBe("first");
    expect(chooseRequestId("nginx-7f3a9c", false)).toMatch(fresh);
    for (const odd of ["", "with space", "x".repeat(129), "line\nbreak", "{\"json\":1}"]) expect(chooseRequestId(odd, true)).toMatch(fresh);
    expect(chooseRequestId(undefined, true)).not.toBe(chooseRequestId(undefined, true));
  });
});
