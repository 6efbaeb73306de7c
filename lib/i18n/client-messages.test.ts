import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_FED_ERROR_KEYS } from "./client-errors";
import { MESSAGES } from "./config";
import { clientNeeds, computeClientKeys, computeProviderErrorKeys, listRouteFiles, MERGING_PROVIDER, providerKey, providersFor, readModule, rel, ROOT } from "./client-namespaces";

// Client components get only the messages they use (CONTRIBUTING.md «Adding a page», docs/decisions/014): for every route,
// the namespaces its browser code uses must come from the <ClientMessages> providers on its path, and no
// provider may ship a namespace that nothing below it uses.
const routes = listRouteFiles();
const analysed = routes.map((file) => ({ file: rel(file), needs: clientNeeds(file), providers: providersFor(file) }));
const fmt = (needs: Map<string, Set<string>>, namespaces: string[]) => namespaces.map((ns) => `${ns} (used by ${[...(needs.get(ns) ?? [])].join(", ")})`);

describe("messages sent to the browser", () => {
  it("the analysis sees the client components (a guard against a scanner that finds nothing)", () => {
    const byFile = new Map(analysed.map((a) => [a.file, a]));
    expect([...byFile.get("app/(auth)/login/page.tsx")!.needs.namespaces.keys()]).toEqual(["login"]);
    expect([...byFile.get("app/(app)/[org]/pairs/page.tsx")!.needs.namespaces.keys()].sort()).toEqual(["errors", "pairs", "vocabulary"]);
    expect([...byFile.get("app/error.tsx")!.needs.namespaces.keys()]).toEqual(["pages"]);
    expect(analysed.filter((a) => a.needs.namespaces.size > 0).length).toBeGreaterThan(30);
  });

  it.each(analysed.map((a) => [a.file, a] as const))("%s: every namespace its browser code uses is provided", (_file, a) => {
    expect(a.needs.problems, "uses the analysis cannot follow").toEqual([]);
    expect(a.needs.catalogImports, "browser code importing the whole message catalog").toEqual([]);
    const provided = new Set(a.providers.flatMap((p) => p.namespaces));
    const missing = [...a.needs.namespaces.keys()].filter((ns) => !provided.has(ns));
    expect(fmt(a.needs.namespaces, missing), `not provided by ${a.providers.map((p) => p.layout).join(" + ") || "any layout"}`).toEqual([]);
  });

  it("every provider ships only namespaces used below it, once, and existing in the catalog", () => {
    const catalog = new Set(Object.keys(MESSAGES.ru));
    const problems: string[] = [];
    // Layout providers: used by a route file under them (or the layout itself), not already above them.
    const layouts = routes.filter((f) => readModule(f).providers.length > 0).map(rel);
    for (const layout of layouts) {
      const mod = readModule(path.join(ROOT, layout));
      if (mod.providers.length !== 1) problems.push(`${layout}: ${mod.providers.length} <ClientMessages> (one per layout)`);
      const own = mod.providers.flat();
      const under = analysed.filter((a) => a.providers.some((p) => p.layout === layout));
      const above = providersFor(path.join(ROOT, layout)).filter((p) => p.layout !== layout).flatMap((p) => p.namespaces);
      for (const ns of own) {
        if (!catalog.has(ns)) problems.push(`${layout}: no namespace "${ns}" in the catalog`);
        if (above.includes(ns)) problems.push(`${layout}: "${ns}" is already provided above`);
        if (!under.some((a) => a.needs.namespaces.has(ns)))
          problems.push(`${layout}: "${ns}" is used by no browser code below it`);
      }
    }
    // Component-level providers (a server component whose whole output is one <ClientMessages>).
    for (const scope of analysed.flatMap((a) => a.needs.scopes)) {
      for (const ns of scope.namespaces) {
        if (!catalog.has(ns)) problems.push(`${scope.module}: no namespace "${ns}" in the catalog`);
        if (!scope.needs.has(ns)) problems.push(`${scope.module}: "${ns}" is used by no browser code it renders`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the browser gets the keys its code names (lib/i18n/client-keys.json; `vitest -u` rewrites it)", async () => {
    const { keys, unknown } = computeClientKeys(MESSAGES.ru as Record<string, Record<string, unknown>>, { errors: SERVER_FED_ERROR_KEYS });
    expect(unknown, "keys named in browser code that the catalog does not have").toEqual([]);
    // A guard against an analysis that names nothing: forms translate their labels key by key.
    expect(keys.login).toEqual(["email", "password", "submit", "submitting"]);
    expect(keys.errors).toEqual(expect.arrayContaining(["required", "validation", "fileTooLarge", ...SERVER_FED_ERROR_KEYS]));
    await expect(`${JSON.stringify(keys, null, 2)}\n`).toMatchFileSnapshot("./client-keys.json");
  });

  it("each provider of \"errors\" ships only the keys of the routes below it (lib/i18n/client-error-keys.json; `vitest -u` rewrites it)", async () => {
    const catalog = MESSAGES.ru as Record<string, Record<string, unknown>>;
    const perProvider = computeProviderErrorKeys(catalog, { errors: SERVER_FED_ERROR_KEYS, namespace: "peopleImport" });
    const { keys } = computeClientKeys(catalog, { errors: SERVER_FED_ERROR_KEYS });
    // Every layout that lists "errors" has its entry (components/i18n/client-messages.tsx falls back to all 80).
    const layouts = routes.filter((f) => readModule(f).providers.some((p) => p.includes("errors")));
    expect(layouts.length).toBeGreaterThan(10);
    for (const layout of layouts) expect(Object.keys(perProvider), rel(layout)).toContain(providerKey(readModule(layout).providers[0]!));
    // Guards against an analysis that finds nothing, or everything: the people area shows the import's file
    // problems and the consent form's checks; the program area's forms name fewer keys than the whole app.
    expect(perProvider["people+errors+accounts+roles+vocabulary"]).toEqual(expect.arrayContaining([...SERVER_FED_ERROR_KEYS]));
    expect(perProvider["program+errors"]).toEqual(expect.arrayContaining(["evidenceRequired"]));
    expect(perProvider["program+errors"]).not.toContain("peopleImportEncoding");
    for (const list of Object.values(perProvider)) expect(list.every((k) => (keys.errors as string[]).includes(k))).toBe(true);
    await expect(`${JSON.stringify(perProvider, null, 2)}\n`).toMatchFileSnapshot("./client-error-keys.json");
  });

  it("the import's file problems, which reach the browser as keys, are all listed", () => {
    const errorKeys = new Set(Object.keys(MESSAGES.ru.errors));
    const modules = ["import.ts", "sheet-read.ts", "import-mapping.ts", "import-values.ts"].map((f) => readModule(path.join(ROOT, "lib/people", f)));
    const fromImport = [...new Set(modules.flatMap((m) => [...m.literals]))].filter((l) => errorKeys.has(l) && l.startsWith("peopleImport"));
    expect([...SERVER_FED_ERROR_KEYS].sort()).toEqual(fromImport.sort());
  });

  it("one base provider, in the root layout, with no messages; nothing else creates one", () => {
    const files = new Set<string>();
    for (const route of routes) {
      const stack = [route];
      while (stack.length > 0) {
        const f = stack.pop()!;
        if (files.has(f)) continue;
        files.add(f);
        stack.push(...readModule(f).imports);
      }
    }
    const bases = [...files].flatMap((f) => readModule(f).baseProviders.map((messages) => `${rel(f)} messages=${messages}`));
    expect(bases).toEqual(["app/layout.tsx messages={{}}"]);
    const merging = [...files].filter((f) => readModule(f).intlProviders > 0 && rel(f) !== MERGING_PROVIDER);
    expect(merging.map(rel)).toEqual([]);
  });
});
