import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { utf8 } from "../setup/files";
import { getAt, setAt } from "./payloads";

/**
 * Hostile mutations of a plausible payload (issue #7, part 5): wrong types, huge strings, control
 * characters and NUL bytes, SQL and HTML injection, unicode edge cases, foreign and malformed ids,
 * prototype-pollution keys, FormData-like arrays for scalars, whole-payload oddities. Each mutation
 * says which string it injected where, so that an accepted payload can be checked for verbatim storage.
 */

export type Injection = { path: (string | number)[]; kind: string };
export type HostilePayload = { payload: unknown; injected: Injection[]; label: string };
type Mutation = { kind: string; apply(payload: unknown): { payload: unknown; injected?: Injection[]; label: string } };

const HUGE = "Ж".repeat(100_000) + "<script>alert(1)</script>";
const HUGE_ASCII = "a".repeat(150_000);
const HUGE_NUL = `${"x".repeat(60_000)}\u0000${"y".repeat(60_000)}`;

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Person\"; --",
  "\" OR \"\"=\"",
  "1; SELECT pg_sleep(5)--",
  "' UNION SELECT \"passwordHash\" FROM \"User\"--",
  "\\'; SET ROLE postgres; --",
  "$1",
  "%' AND 1=1 --",
  "_%",
  "E'\\x00'",
  "'; COPY (SELECT 1) TO PROGRAM 'id'; --",
  "') OR current_setting('app.organization_id') <> '' --",
];
export const HTML_INJECTIONS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "\"><svg/onload=alert(1)>",
  "javascript:alert(1)",
  "<a href=\"javascript:alert(1)\">ссылка</a>",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "<iframe src=//evil.example>",
  "</textarea><script>alert(1)</script>",
  "&lt;b&gt;&amp;&#x3C;",
];
export const UNICODE_EDGES = [
  "\uD800",
  "a\uDC00b",
  "\uDFFF\uD800",
  "\u202Eтекст справа налево\u202C",
  "\u200F\u200E\u061C",
  "\u200B\u200C\u200D\uFEFF",
  "👩‍👩‍👧‍👦🏳️‍🌈🇷🇺",
  "е\u0301\u0301\u0301 й й",
  "Z̴̧̛̙̦͚͕̣̱̞͔̳̏̑̀̆̄̃̽͊̒̕a̷l̶g̸o̵",
  "\uFFFD\uFFFE\uFFFF",
  "ǅ ß ﬁ Ⅻ ㎏",
  "\u00A0\u2028\u2029\u3000",
];
export const CONTROL = ["\u0000", "a\u0000b", "\u0001\u0002\u0007\u0008", "\u001B[31mred", "\u007F", "line\r\nbreak\ttab", "\u0000\u0000\u0000", "\u000B\u000C"];
export const NON_UUIDS = ["1", "0", "abc", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "' OR 1=1 --", "{}", "null", "undefined", "-1", "1e308", "0x1F"];

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, Number.MAX_SAFE_INTEGER + 2, 1e20, "1e20", "2147483648", "0x10", " 1 "),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constant([]),
  fc.constant({}),
  fc.date({ noInvalidDate: false }),
  fc.bigInt(),
  fc.constant(Symbol("x")),
  fc.constant(() => "function"),
);

const hostileText: fc.Arbitrary<{ text: string; kind: string }> = fc.oneof(
  fc.constantFrom(...SQL_INJECTIONS).map((text) => ({ text, kind: "sql" })),
  fc.constantFrom(...HTML_INJECTIONS).map((text) => ({ text, kind: "html" })),
  fc.constantFrom(...UNICODE_EDGES).map((text) => ({ text, kind: "unicode" })),
  fc.constantFrom(...CONTROL).map((text) => ({ text, kind: "control" })),
  fc.constantFrom(HUGE, HUGE_ASCII, HUGE_NUL).map((text) => ({ text, kind: "huge" })),
  fc.string({ unit: "binary", maxLength: 40 }).map((text) => ({ text, kind: "random-unicode" })),
  fc.string({ unit: "binary-ascii", maxLength: 40 }).map((text) => ({ text, kind: "random-ascii" })),
);

/** Every path of a payload (containers too), the leaves first. */
export function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value instanceof File || value === null || typeof value !== "object") return [path];
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  if (path.length) out.push(path);
  return out;
}

/** JSON that survives the odd values a mutation puts in (bigint). */
const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? "";

function toFormData(payload: unknown): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries((payload ?? {}) as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v instanceof File) form.append(key, v);
      else if (v !== undefined) form.append(key, typeof v === "object" ? json(v) : String(v));
    }
  }
  return form;
}

/** A payload with an own property named like a prototype key (JSON.parse makes `__proto__` an own key). */
function withOwnKey(target: unknown, key: string, value: unknown): unknown {
  if (target === null || typeof target !== "object" || Array.isArray(target)) return target;
  const copy = { ...(target as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** The mutations of one base payload; `ids` = foreign ids (another school's) and `idPaths` = id-like fields. */
export function hostilePayloads(base: Record<string, unknown>, options: { foreignIds: string[]; idPaths: (string | number)[][] }): fc.Arbitrary<HostilePayload> {
  // The organization slug is attacked by its own (rarer) mutation: a broken slug stops at the tenant
  // lookup, and the body is what the other mutations are meant to reach.
  const paths = pathsOf(base).filter((p) => p.join(".") !== "org");
  const stringPaths = paths.filter((p) => typeof getAt(base, p) === "string");
  const scalarPaths = paths.filter((p) => {
    const v = getAt(base, p);
    return v === null || (typeof v !== "object" && v !== undefined);
  });
  const anyPath = fc.constantFrom(...(paths.length ? paths : [["org"]]));
  const idPath = options.idPaths.length ? fc.constantFrom(...options.idPaths) : anyPath;
  const textPath = stringPaths.length ? fc.constantFrom(...stringPaths) : anyPath;
  const scalarPath = scalarPaths.length ? fc.constantFrom(...scalarPaths) : anyPath;
  const show = (p: (string | number)[]) => p.join(".") || "(root)";

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(anyPath, wrongType).map(([p, v]): Mutation => ({ kind: "wrong-type", apply: (x) => ({ payload: setAt(x, p, v), label: `${show(p)} ← ${describe(v)}` }) })) },
    {
      weight: 8,
      arbitrary: fc.tuple(textPath, hostileText, fc.constantFrom("replace", "append", "prepend")).map(
        ([p, { text, kind }, mode]): Mutation => ({
          kind,
          apply: (x) => {
            const old = getAt(x, p);
            const value = mode === "replace" || typeof old !== "string" ? text : mode === "append" ? old + text : text + old;
            return { payload: setAt(x, p, value), injected: [{ path: p, kind }], label: `${show(p)} ${mode} ${kind} ${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? `…(${text.length})` : ""}` };
          },
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(idPath, fc.oneof(fc.constantFrom(...(options.foreignIds.length ? options.foreignIds : [randomUUID()])), fc.uuid(), fc.constantFrom(...NON_UUIDS)))
        .map(([p, id]): Mutation => ({
          kind: "foreign-id",
          apply: (x) => ({ payload: setAt(x, p, Array.isArray(getAt(x, p)) ? [id] : id), label: `${show(p)} ← id ${id}` }),
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("__proto__", "constructor", "prototype", "__defineGetter__", "toString", "hasOwnProperty"), fc.constantFrom([] as (string | number)[], ...paths.filter((p) => isPlainObject(getAt(base, p)))))
        .map(([key, p]): Mutation => ({
          kind: "prototype",
          apply: (x) => {
            const target = p.length ? getAt(x, p) : x;
            const polluted = withOwnKey(target, key, { polluted: "yes", org: "other", isAdmin: true, toString: "x" });
            return { payload: p.length ? setAt(x, p, polluted) : polluted, label: `${show(p)}.${key} = {polluted}` };
          },
        })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(scalarPath, fc.integer({ min: 0, max: 3 })).map(([p, copies]): Mutation => ({
        kind: "form-array",
        apply: (x) => {
          const v = getAt(x, p);
          return { payload: setAt(x, p, Array.from({ length: copies }, () => v)), label: `${show(p)} ← [${copies} × value]` };
        },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(wrongType, hostileText.map((t) => t.text), fc.constantFrom("KOVALEVSKAYA-OOSH", " kovalevskaya-oosh", "kovalevskaya-oosh\u0000", "../sosh-20", "sosh-20' --")).map(
        (org): Mutation => ({ kind: "org", apply: (x) => ({ payload: setAt(x, ["org"], org), label: `org ← ${describe(org)}` }) }),
      ),
    },
    { weight: 1, arbitrary: anyPath.map((p): Mutation => ({ kind: "missing", apply: (x) => ({ payload: setAt(x, p, undefined), label: `${show(p)} removed` }) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("form-data", "null", "string", "array", "number", "extra-keys", "nested-org").map((shape): Mutation => ({
        kind: "whole",
        apply: (x) => {
          const payload =
            shape === "form-data" ? toFormData(x)
            : shape === "null" ? null
            : shape === "string" ? json(x)
            : shape === "array" ? [x]
            : shape === "number" ? 42
            : shape === "extra-keys" ? { ...(x as object), id: randomUUID(), organizationId: randomUUID(), role: "DIRECTOR", status: "APPROVED", $where: "1=1" }
            : { ...(x as object), org: { toString: () => (x as { org?: string }).org ?? "" } };
          return { payload, label: `whole payload as ${shape}` };
        },
      })),
    },
  );

  const filePaths = paths.filter((p) => getAt(base, p) instanceof File);
  const withFiles = filePaths.length
    ? fc.oneof(
        { weight: 4, arbitrary: mutation },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom(...filePaths), fc.constantFrom(...HOSTILE_FILES.map((_, i) => i))).map(([p, i]): Mutation => ({
            kind: "file",
            apply: (x) => ({ payload: setAt(x, p, HOSTILE_FILES[i]!()), label: `${show(p)} ← file ${HOSTILE_FILES[i]!().name.slice(0, 40)}` }),
          })),
        },
      )
    : mutation;

  return fc.array(withFiles, { minLength: 1, maxLength: 3 }).map((mutations) => {
    let payload: unknown = base;
    const injected: Injection[] = [];
    const labels: string[] = [];
    for (const m of mutations) {
      const r = m.apply(payload);
      payload = r.payload;
      labels.push(r.label);
      for (const i of r.injected ?? []) injected.push(i);
      // Later mutations may overwrite an injected value: keep only injections still in place.
    }
    return { payload, injected, label: labels.join("; ") };
  });
}

/** Uploads with hostile contents: NUL bytes and injections in a CSV, random bytes, lies about the type. */
const HOSTILE_FILES: (() => File)[] = [
  () => new File([], "пустой.csv", { type: "text/csv" }),
  () => new File([utf8("Фамилия;Имя;Отчество;E-mail\nИванов\u0000;Пётр;\u0000;a@b.test\n<script>alert(1)</script>;' OR 1=1 --;\uD83D;x@y.test\n")], "люди.csv", { type: "text/csv" }),
  () => new File([utf8("ФИО,Должность\n\"Петров Пётр Петрович\u0000\",\"учитель\u202E\"\n\"=HYPERLINK(\"\"http://evil\"\")\",x\n")], "people.csv", { type: "text/csv" }),
  () => new File([new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 73 + 41) % 256))], "random.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  () => new File([utf8("PK\u0003\u0004 not really a zip")], "fake.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }),
  () => new File([utf8("%PDF-1.4\u0000\u0000")], `${"\u0000<script>".repeat(20)}.pdf`, { type: "application/pdf" }),
  () => new File([utf8("<html><script>alert(1)</script></html>")], "scan.pdf", { type: "text/html" }),
  () => new File([utf8("a".repeat(10))], "../../../etc/passwd", { type: "image/png" }),
];

const isPlainObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof File);

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.slice(0, 30));
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol" || typeof v === "function") return typeof v;
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()})`;
  try {
    return json(v).slice(0, 40) || String(v);
  } catch {
    return String(v);
  }
}

/** Whether a string occurs as a value anywhere in a (JSON) value, or inside a JSON text in it. */
export function containsString(value: unknown, needle: string): boolean {
  if (typeof value === "string") {
    if (value === needle) return true;
    if ((value.startsWith("{") || value.startsWith("[")) && value.length >= needle.length) {
      try {
        return containsString(JSON.parse(value), needle);
      } catch {
        return false;
      }
    }
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => containsString(v, needle));
  if (value && typeof value === "object") return Object.values(value).some((v) => containsString(v, needle));
  return false;
}
