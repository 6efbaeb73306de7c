import { describe, expect, it } from "vitest";
import { safePath } from "./safe-path";

describe("safePath", () => {
  it("keeps a path of this app with its query and fragment", () => {
    expect(safePath("/sosh-20/people")).toBe("/sosh-20/people");
    expect(safePath("/sosh-20/program/roadmap?stage=2#top")).toBe("/sosh-20/program/roadmap?stage=2#top");
    expect(safePath("/")).toBe("/");
    expect(safePath("/s/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0")).toBe("/s/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0");
  });

  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%255Cevil.example",
    "//evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example",
    "\\\\evil.example",
    " //evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/%E0%A4%A",
    "/%00",
    "",
  ])("refuses %j", (value) => {
    expect(safePath(value)).toBe("/");
  });

  it("refuses what is not a string or is over-long, with the caller's fallback", () => {
    expect(safePath(null, "/login")).toBe("/login");
    expect(safePath(["/a", "/b"])).toBe("/");
    expect(safePath(`/${"a".repeat(5000)}`)).toBe("/");
  });

  it("normalizes dot segments without leaving the origin", () => {
    expect(safePath("/a/../../evil.example")).toBe("/evil.example");
    expect(safePath("/./x")).toBe("/x");
  });
});
