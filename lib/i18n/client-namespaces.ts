// Static map of which message namespaces reach the browser on each route, for the unit test beside it
// (client-messages.test.ts). Node-only tooling: the app never imports it.
//
// A route file (page, layout, not-found, error…) is walked through its imports (`@/` and relative paths;
// packages are not followed; `import type` carries no code). A module with "use client" and everything it
// imports runs in the browser: there, `useTranslations("ns")`, `useTranslations("ns.sub")` and, for a
// root translator `const t = useTranslations()`, calls `t("ns.key")` / t(`ns.${x}`) name the namespaces
// it needs. The providers are the `<ClientMessages namespaces={[…]}>` elements (components/i18n): each adds
// its namespaces to those above it, so what a route's browser code sees is the union of the providers of
// the layouts on its path, plus that of a server component whose whole output is one <ClientMessages>.
import "server-only";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

type Module = {
  directive: "use client" | "use server" | null;
  imports: string[]; // resolved absolute paths of project modules (code imports only)
  namespaces: Set<string>;
  problems: string[]; // uses that cannot be analysed (a namespace held in a variable, useMessages…)
  providers: string[][]; // <ClientMessages namespaces={[…]}> elements, in order
  /** Every exported component returns one <ClientMessages> as its outermost element: all it renders is inside. */
  scopesProvider: boolean;
  /** <NextIntlClientProvider> elements and the text of their `messages` attribute */
  baseProviders: string[];
  /** use-intl's <IntlProvider> elements (only the merging provider may render one) */
  intlProviders: number;
  importsCatalog: boolean; // imports the message files (the whole catalog)
  /** per namespace, the keys the module's translators name: "=key" a top-level key, "^pre" the top-level
   * keys starting with "pre", "*" the whole namespace (a computed key, or the translator passed on) */
  keys: Map<string, Set<string>>;
  /** every string literal of the module (message keys of zod schemas, `{ key: "…" }` values…) */
  literals: Set<string>;
};

/** The one module allowed to read its provider's messages: it adds a provider's namespaces to them. */
export const MERGING_PROVIDER = "components/i18n/merge-messages.tsx";

const cache = new Map<string, Module>();
const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: not followed
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${rel(from)}: cannot resolve "${specifier}"`);
}

export const rel = (file: string) => path.relative(ROOT, file);

const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** The namespace a translator key starts with: "pairs.title" → "pairs", `roles.${r}` → "roles". */
function keyNamespace(node: ts.Expression | undefined): string | null {
  const text = literal(node) ?? (node && ts.isTemplateExpression(node) ? node.head.text : null);
  const match = text?.match(/^([A-Za-z0-9_]+)\./);
  return match ? match[1]! : null;
}

/** "a.b" → "=a"; a template's head "a." → "=a", "pre" → "^pre", "" → "*". */
function keyEntry(key: string, isPrefix: boolean): string {
  const dot = key.indexOf(".");
  if (dot >= 0) return `=${key.slice(0, dot)}`;
  if (!isPrefix) return `=${key}`;
  return key ? `^${key}` : "*";
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // side-effect import
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** The functions a module exports (declarations and `const X = (…) => …`). */
function exportedFunctions(source: ts.SourceFile): ts.SignatureDeclaration[] {
  const out: ts.SignatureDeclaration[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement)) out.push(statement);
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))) out.push(decl.initializer);
      }
    }
  }
  return out;
}

/** Whether every `return` of the function (not of functions inside it) gives a <ClientMessages> element. */
function returnsProvider(fn: ts.SignatureDeclaration, source: ts.SourceFile): boolean {
  const isProvider = (expr: ts.Expression | undefined) => {
    while (expr && ts.isParenthesizedExpression(expr)) expr = expr.expression;
    return !!expr && ts.isJsxElement(expr) && expr.openingElement.tagName.getText(source) === "ClientMessages";
  };
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isProvider(body as ts.Expression);
  let returns = 0;
  let all = true;
  const walk = (node: ts.Node) => {
    if (ts.isReturnStatement(node)) {
      returns++;
      all &&= isProvider(node.expression);
      return;
    }
    if (ts.isFunctionLike(node)) return;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(body, walk);
  return returns > 0 && all;
}

export function readModule(file: string): Module {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const directiveText = first && ts.isExpressionStatement(first) ? literal(first.expression) : null;
  const mod: Module = {
    directive: directiveText === "use client" || directiveText === "use server" ? directiveText : null,
    imports: [],
    namespaces: new Set(),
    problems: [],
    providers: [],
    scopesProvider: false,
    baseProviders: [],
    intlProviders: 0,
    importsCatalog: false,
    literals: new Set(),
    keys: new Map(),
  };
  const addImport = (specifier: string) => {
    const resolved = resolveImport(file, specifier);
    if (!resolved) return;
    if (resolved.endsWith(".json")) {
      // The one exception: the domain's vocabulary maps (lib/domain/pairs.ts, banks.ts, personal-programs.ts) take
      // their Russian words — which documents print — from ru.vocabulary.json, so that they are written once
      // (decision 063). Browser code iterates those maps' keys; the few kilobytes of words travel as they did when
      // they were literals there. Any other message file imported by browser code is the catalog.
      const vocabulary = resolved === path.join(ROOT, "lib/i18n/messages/ru.vocabulary.json") && file.startsWith(path.join(ROOT, "lib/domain"));
      if (resolved.startsWith(path.join(ROOT, "lib/i18n/messages")) && !vocabulary) mod.importsCatalog = true;
      return;
    }
    mod.imports.push(resolved);
    if (resolved === path.join(ROOT, "lib/i18n/config.ts")) mod.importsCatalog = true;
  };
  // Translators by the function that declares them: name → the namespace path ("" for useTranslations()).
  const translators = new Map<ts.Node, Map<string, string>>();
  const declare = (call: ts.CallExpression, nsPath: string | null) => {
    const decl = call.parent;
    if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) {
      mod.problems.push(`${where(call)}: useTranslations() not assigned to a name`);
      return;
    }
    if (nsPath === null) return; // computed namespace: reported below
    let scope: ts.Node = decl;
    while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
    if (!translators.has(scope)) translators.set(scope, new Map());
    translators.get(scope)!.set(decl.name.text, nsPath);
  };
  const translatorPath = (node: ts.Node, name: string) => {
    for (let scope: ts.Node | undefined = node; scope; scope = scope.parent) {
      const nsPath = translators.get(scope)?.get(name);
      if (nsPath !== undefined) return nsPath;
    }
    return undefined;
  };
  const nameKey = (ns: string, entry: string) => {
    if (!mod.keys.has(ns)) mod.keys.set(ns, new Set());
    mod.keys.get(ns)!.add(entry);
  };
  const identifiers: ts.Identifier[] = [];
  const where = (node: ts.Node) => `${rel(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) mod.literals.add(node.text);
    if (ts.isIdentifier(node)) identifiers.push(node);
    if (ts.isImportDeclaration(node) && !isTypeOnlyImport(node)) addImport(literal(node.moduleSpecifier)!);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) addImport(literal(node.moduleSpecifier)!);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        const specifier = literal(node.arguments[0]);
        if (specifier) addImport(specifier);
        else mod.problems.push(`${where(node)}: import() of a computed path`);
      } else if (ts.isIdentifier(callee) && callee.text === "useTranslations") {
        const arg = node.arguments[0];
        const nsPath = arg ? literal(arg) : "";
        declare(node, nsPath);
        if (nsPath) mod.namespaces.add(nsPath.split(".")[0]!);
        else if (nsPath === null) mod.problems.push(`${where(node)}: useTranslations with a computed namespace`);
      } else if (ts.isIdentifier(callee) && callee.text === "useMessages" && rel(file) !== MERGING_PROVIDER) {
        mod.problems.push(`${where(node)}: useMessages() reads the provider's whole catalog`);
      }
    } else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      if (node.tagName.getText(source) === "IntlProvider") mod.intlProviders++;
      if (node.tagName.getText(source) === "NextIntlClientProvider") {
        const attr = node.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText(source) === "messages");
        mod.baseProviders.push(attr && ts.isJsxAttribute(attr) && attr.initializer ? attr.initializer.getText(source) : "");
      }
      if (node.tagName.getText(source) === "ClientMessages") {
        const attr = node.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText(source) === "namespaces");
        const init = attr && ts.isJsxAttribute(attr) ? attr.initializer : undefined;
        const expr = init && ts.isJsxExpression(init) ? init.expression : undefined;
        if (!expr || !ts.isArrayLiteralExpression(expr) || expr.elements.some((e) => literal(e) === null)) {
          mod.problems.push(`${where(node)}: <ClientMessages namespaces> must be an array of string literals`);
        } else mod.providers.push(expr.elements.map((e) => literal(e)!));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // Uses of a translator: t("key"), t.rich("key"), t.has(…), t.raw(…), t.markup(…) name keys; any other use
  // (passed to a function, stored) may name any key of its namespace.
  for (const id of identifiers) {
    const nsPath = translatorPath(id, id.text);
    if (nsPath === undefined) continue;
    const parent = id.parent;
    if (ts.isVariableDeclaration(parent) && parent.name === id) continue;
    let call: ts.CallExpression | undefined;
    if (ts.isCallExpression(parent) && parent.expression === id) call = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === id && ["rich", "markup", "raw", "has"].includes(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) call = parent.parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.name === id) continue; // obj.t: another thing named t
    const arg = call?.arguments[0];
    const text = literal(arg) ?? (arg && ts.isTemplateExpression(arg) ? arg.head.text : null);
    const isPrefix = literal(arg) === null;
    if (nsPath === "") {
      // root translator: the key's first segment is the namespace
      const ns = keyNamespace(arg);
      if (!call || !ns) {
        mod.problems.push(`${where(id)}: ${id.text} of a root translator used with a key whose namespace is not literal`);
        continue;
      }
      mod.namespaces.add(ns);
      nameKey(ns, keyEntry(text!.slice(ns.length + 1), isPrefix));
      continue;
    }
    const [ns, ...sub] = nsPath.split(".");
    if (!call || text === null) nameKey(ns!, "*");
    else nameKey(ns!, keyEntry([...sub, text].join("."), isPrefix));
  }
  const exportedFns = exportedFunctions(source);
  mod.scopesProvider = mod.providers.length === 1 && exportedFns.length > 0 && exportedFns.every((fn) => returnsProvider(fn, source));
  cache.set(file, mod);
  return mod;
}

/** namespace → the browser modules that use it */
export type Needs = Map<string, Set<string>>;

export type ClientNeeds = {
  /** what the module's browser code uses and no provider inside it covers */
  namespaces: Needs;
  problems: string[];
  /** browser modules that import the message catalog */
  catalogImports: string[];
  /** the string literals of the browser modules */
  literals: Set<string>;
  /** per namespace, the keys the browser modules' translators name (see Module.keys) */
  keys: Map<string, Set<string>>;
  /** component-level providers reached (server modules whose whole output is one <ClientMessages>) */
  scopes: { module: string; namespaces: string[]; needs: Needs }[];
};

function addNeeds(into: Needs, from: Needs, except: readonly string[] = []) {
  for (const [ns, users] of from) {
    if (except.includes(ns)) continue;
    if (!into.has(ns)) into.set(ns, new Set());
    for (const u of users) into.get(ns)!.add(u);
  }
}

/**
 * The namespaces the browser code reachable from `file` uses. Once a module is "use client", it and all it
 * imports run in the browser; a "use server" module imported there is a reference, not shipped code. What
 * a providing server module renders is inside its provider, so its own namespaces are taken off.
 */
export function clientNeeds(file: string): ClientNeeds {
  const out: ClientNeeds = { namespaces: new Map(), problems: [], catalogImports: [], literals: new Set(), keys: new Map(), scopes: [] };
  const memo = new Map<string, Needs>();
  const visit = (current: string, inClient: boolean): Needs => {
    const mod = readModule(current);
    if (inClient && mod.directive === "use server") return new Map();
    const client = inClient || mod.directive === "use client";
    const key = `${client ? "c" : "s"}:${current}`;
    const done = memo.get(key);
    if (done) return done;
    const needs: Needs = new Map();
    memo.set(key, needs); // an import cycle sees the needs gathered so far
    if (client) {
      for (const ns of mod.namespaces) addNeeds(needs, new Map([[ns, new Set([rel(current)])]]));
      out.problems.push(...mod.problems);
      if (mod.importsCatalog) out.catalogImports.push(rel(current));
      for (const text of mod.literals) out.literals.add(text);
      for (const [ns, entries] of mod.keys) {
        if (!out.keys.has(ns)) out.keys.set(ns, new Set());
        for (const e of entries) out.keys.get(ns)!.add(e);
      }
    }
    const below: Needs = new Map();
    for (const next of mod.imports) addNeeds(below, visit(next, client));
    if (!client && mod.scopesProvider && current !== file) {
      const own = mod.providers[0]!;
      out.scopes.push({ module: rel(current), namespaces: own, needs: below });
      addNeeds(needs, below, own);
    } else addNeeds(needs, below);
    return needs;
  };
  addNeeds(out.namespaces, visit(file, false));
  return out;
}

const ROUTE_FILE = /^(page|layout|template|not-found|forbidden|unauthorized|error|global-error|loading|default)\.(tsx|ts|jsx|js)$/;

/** Every file of app/ that Next renders as (part of) a route. */
export function listRouteFiles(dir = path.join(ROOT, "app")): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listRouteFiles(full));
    else if (ROUTE_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function layoutOf(dir: string): string | null {
  for (const ext of [".tsx", ".ts", ".jsx", ".js"]) {
    const candidate = path.join(dir, `layout${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export type Provider = { layout: string; namespaces: string[] };

/**
 * The providers whose messages the browser code of `file` sees: those of the layouts above it, root first
 * (each adds to the one above). A layout's own client components are inside its provider only when the
 * provider is its whole output.
 */
export function providersFor(file: string): Provider[] {
  const appDir = path.join(ROOT, "app");
  const isLayout = /^layout\.[jt]sx?$/.test(path.basename(file));
  const chain: Provider[] = [];
  let dir = path.dirname(file);
  if (isLayout) {
    const own = readModule(file);
    if (own.scopesProvider) chain.push({ layout: rel(file), namespaces: own.providers[0]! });
    if (dir === appDir) return chain;
    dir = path.dirname(dir);
  }
  for (;;) {
    const layout = layoutOf(dir);
    if (layout) {
      for (const namespaces of readModule(layout).providers) chain.unshift({ layout: rel(layout), namespaces });
    }
    if (dir === appDir) return chain;
    dir = path.dirname(dir);
  }
}

/** Per namespace, the top-level keys browser code can show ("*": all of them) — lib/i18n/client-keys.json. */
export type ClientKeys = Record<string, "*" | string[]>;

/**
 * The keys sent to the browser, over all routes: those its translators name; for "errors", which forms
 * translate with keys coming from zod messages, every key written as a string literal in browser code,
 * plus the keys the server hands over (`serverFed`).
 */
export function computeClientKeys(catalog: Record<string, Record<string, unknown>>, serverFed: { errors: readonly string[] }): { keys: ClientKeys; unknown: string[] } {
  const entries = new Map<string, Set<string>>();
  const literals = new Set<string>();
  for (const file of listRouteFiles()) {
    const needs = clientNeeds(file);
    for (const l of needs.literals) literals.add(l);
    for (const [ns, set] of needs.keys) {
      if (!entries.has(ns)) entries.set(ns, new Set());
      for (const e of set) entries.get(ns)!.add(e);
    }
  }
  const keys: ClientKeys = {};
  const unknown: string[] = [];
  for (const ns of [...entries.keys()].sort()) {
    const all = Object.keys(catalog[ns] ?? {});
    const set = entries.get(ns)!;
    if (ns === "errors") {
      keys[ns] = all.filter((k) => literals.has(k) || serverFed.errors.includes(k) || set.has(`=${k}`)).sort();
      continue;
    }
    if (set.has("*")) {
      keys[ns] = "*";
      continue;
    }
    for (const e of set) if (e.startsWith("=") && !all.includes(e.slice(1))) unknown.push(`${ns}.${e.slice(1)}`);
    keys[ns] = all.filter((k) => set.has(`=${k}`) || [...set].some((e) => e.startsWith("^") && k.startsWith(e.slice(1)))).sort();
  }
  return { keys, unknown };
}

/** The entry of lib/i18n/client-error-keys.json for a provider: its namespaces as written, joined by "+". */
export const providerKey = (namespaces: readonly string[]) => namespaces.join("+");

/**
 * Per provider that ships "errors" (providerKey of its namespaces: layouts listing the same namespaces share
 * an entry), the "errors" keys the browser code of the routes below it can translate — the rule of
 * computeClientKeys, route by route: string literals of its browser code, keys its translators name as
 * literals (the forms' computed `t(key)` does not make it all of them), and the server-fed keys where that
 * code shows them (`serverFed.namespace`: the import wizard's namespace). The union over the
 * app (client-keys.json) is 80 keys, ≈ 9 KB; a page's forms name a handful of them.
 */
export function computeProviderErrorKeys(
  catalog: Record<string, Record<string, unknown>>,
  serverFed: { errors: readonly string[]; namespace: string },
): Record<string, string[]> {
  const all = Object.keys(catalog.errors ?? {});
  const sets = new Map<string, Set<string>>();
  for (const file of listRouteFiles()) {
    const provider = providersFor(file).find((p) => p.namespaces.includes("errors"));
    if (!provider) continue;
    const needs = clientNeeds(file);
    const named = needs.keys.get("errors") ?? new Set<string>();
    const key = providerKey(provider.namespaces);
    if (!sets.has(key)) sets.set(key, new Set());
    const set = sets.get(key)!;
    for (const k of all) {
      if (needs.literals.has(k) || named.has(`=${k}`)) set.add(k);
      if (needs.namespaces.has(serverFed.namespace) && serverFed.errors.includes(k)) set.add(k);
    }
  }
  return Object.fromEntries([...sets.keys()].sort().map((k) => [k, [...sets.get(k)!].sort()]));
}
