import { randomUUID } from "node:crypto";
import type { z } from "zod";

/**
 * Plausible payloads built from an action's zod 4 schema, so that a generated request gets past the
 * top-level parse and reaches the action body. Nothing here knows a particular action: fields are
 * filled by their type and checks, id-like fields (…Id, …Ids, id, token) from a pool of real ids.
 */

// zod 4 keeps the definition on `_zod.def`; only the parts read here are typed.
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
  keyType?: Schema;
  valueType?: Schema;
  defaultValue?: unknown;
};
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp };
export type Schema = { _zod: { def: Def } };

const defOf = (s: unknown): Def => (s as Schema)._zod.def;
const checksOf = (d: Def): CheckDef[] => (d.checks ?? []).map((c) => c._zod.def);

/** Names of fields that carry an id (or a list of ids, or a secret token). */
export function isIdKey(key: string): boolean {
  return /(^id$|Id$|Ids$|^token$)/.test(key);
}

/** Where an id-like field lives in a payload: the path and whether the schema wants a list. */
export type IdSlot = { path: (string | number)[]; key: string; list: boolean };

export type SynthContext = {
  /** The organization slug to aim at. */
  org: string;
  /** An id for an id-like field (key = the field name), or undefined for a random uuid. */
  id(key: string, path: (string | number)[]): string | undefined;
  /** A value for a field name, overriding the generic choice (e.g. expectedStage, version). */
  hint?(key: string): unknown;
  /** Today as yyyy-mm-dd (dates are chosen around it). */
  today: string;
};

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function stringFor(key: string, d: Def, ctx: SynthContext, path: (string | number)[]): string {
  const checks = checksOf(d);
  const format = d.format ?? checks.find((c) => c.check === "string_format")?.format;
  if (format === "uuid" || format === "guid") return ctx.id(key, path) ?? randomUUID();
  if (format === "email") return `ivanova.${key.toLowerCase()}@example.test`;
  if (format === "date") return /end|until|closes|due/i.test(key) ? addDays(ctx.today, 120) : addDays(ctx.today, -14);
  if (format === "datetime") return `${addDays(ctx.today, -14)}T10:00:00Z`;
  if (key === "org") return ctx.org;
  if (key === "token") return ctx.id(key, path) ?? "token";
  const pattern = d.pattern ?? checks.find((c) => c.format === "regex")?.pattern;
  if (pattern) {
    for (const candidate of ["q1", "a", "a1", "x", "1", "q_1", "Q1", "question1"]) if (new RegExp(pattern.source, pattern.flags.replace("g", "")).test(candidate)) return candidate;
  }
  const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
  const max = Math.min(Infinity, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? Infinity));
  let text = /password/i.test(key) ? "Пароль-надёжный-123" : `Значение ${key} для проверки`;
  while (text.length < min) text += " и ещё текст";
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
}

function numberFor(d: Def): number {
  const checks = checksOf(d);
  const lower = checks.find((c) => c.check === "greater_than");
  const upper = checks.find((c) => c.check === "less_than");
  if (lower?.value !== undefined) return lower.inclusive ? lower.value : lower.value + 1;
  if (upper?.value !== undefined) return Math.min(1, upper.value);
  return 1;
}

/** A value the schema should accept; `undefined` when none can be made. */
export function synthesize(schema: unknown, ctx: SynthContext, key = "", path: (string | number)[] = []): unknown {
  const hinted = key ? ctx.hint?.(key) : undefined;
  if (hinted !== undefined) return hinted;
  const d = defOf(schema);
  switch (d.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(d.shape ?? {})) {
        const v = synthesize(s, ctx, k, [...path, k]);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case "string":
      return stringFor(key, d, ctx, path);
    case "number":
    case "int":
      return numberFor(d);
    case "boolean":
      return false;
    case "enum":
      return Object.values(d.entries ?? {})[0];
    case "literal":
      return d.values?.[0];
    case "union": {
      // Prefer a real value to the empty-string alternative of an optional form field.
      const options = [...(d.options ?? [])].sort((a, b) => Number(isEmptyLiteral(a)) - Number(isEmptyLiteral(b)));
      for (const option of options) {
        const v = synthesize(option, ctx, key, path);
        if (v !== undefined && (schema as z.ZodType).safeParse(v).success) return v;
      }
      return options.length ? synthesize(options[0], ctx, key, path) : undefined;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return synthesize(d.innerType, ctx, key, path);
    case "pipe":
      // z.preprocess(fn, s) is pipe(transform, s); s.transform(fn) is pipe(s, transform).
      return defOf(d.in).type === "transform" ? synthesize(d.out, ctx, key, path) : synthesize(d.in, ctx, key, path);
    case "array": {
      const min = Math.max(1, ...checksOf(d).filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
      const items: unknown[] = [];
      for (let i = 0; i < min; i++) items.push(synthesize(d.element, ctx, singular(key), [...path, i]));
      return items;
    }
    case "record":
      return {};
    case "custom":
      // z.instanceof(File): a small PDF, the most widely accepted upload.
      return new File([new TextEncoder().encode("%PDF-1.4\n% test\n")], "документ.pdf", { type: "application/pdf" });
    case "date":
      return new Date(`${ctx.today}T00:00:00Z`);
    case "null":
      return null;
    case "any":
    case "unknown":
      return "x";
    default:
      return undefined;
  }
}

function isEmptyLiteral(s: Schema): boolean {
  const d = defOf(s);
  return d.type === "literal" && (d.values ?? []).every((v) => v === "" || v === false || v === null);
}

/** "menteeIds" → "menteeId", "pairs" → "pair": the element of a list field is named like one item. */
export function singular(key: string): string {
  if (key.endsWith("Ids")) return key.slice(0, -1);
  return key;
}

/** The id-like fields a schema names, with their paths (a list of objects contributes `[0]`). */
export function idSlots(schema: unknown, key = "", path: (string | number)[] = []): IdSlot[] {
  const d = defOf(schema);
  switch (d.type) {
    case "object":
      return Object.entries(d.shape ?? {}).flatMap(([k, s]) => idSlots(s, k, [...path, k]));
    case "array": {
      const inner = idSlots(d.element, singular(key), [...path, 0]);
      if (defOf(unwrap(d.element)).type === "object") return inner;
      return isIdKey(key) || inner.length ? [{ path, key, list: true }] : [];
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return idSlots(d.innerType, key, path);
    case "pipe":
      return defOf(d.in).type === "transform" ? idSlots(d.out, key, path) : idSlots(d.in, key, path);
    case "union":
      // An id or "": the id alternative counts.
      for (const option of d.options ?? []) {
        const found = idSlots(option, key, path);
        if (found.length) return found;
      }
      return [];
    case "string":
      return isIdKey(key) || d.format === "uuid" ? [{ path, key, list: false }] : [];
    default:
      return [];
  }
}

export function unwrap(schema: unknown): unknown {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(d.type)) s = d.innerType;
    else if (d.type === "pipe") s = defOf(d.in).type === "transform" ? d.out : d.in;
    else return s;
  }
}

/** The top-level fields of an action's input (through refinements, preprocessing and defaults). */
export function topFields(schema: unknown): Record<string, unknown> {
  const d = defOf(unwrap(schema));
  return d.type === "object" ? (d.shape ?? {}) : {};
}

/** Sets a value at a path in a (deep-cloned) payload. */
export function setAt(payload: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base = (Array.isArray(payload) ? [...payload] : { ...(payload as Record<string, unknown>) }) as Record<string | number, unknown>;
  base[head!] = setAt(base[head!], rest, value);
  return base;
}

export function getAt(payload: unknown, path: (string | number)[]): unknown {
  let v = payload;
  for (const p of path) v = v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[p];
  return v;
}

/**
 * Payloads for one action aimed at `org`, with every id-like field holding ids from `pool` (table →
 * ids) of the kind its name suggests. Several variants, so that each candidate table and several of
 * its rows are tried; a list field gets a one-element list.
 */
export function idVariants(
  schema: unknown,
  options: { org: string; pool: Map<string, string[]>; tablesForKey: (key: string, tables: string[]) => string[]; hint?: (key: string) => unknown; today: string; max?: number },
): { payload: Record<string, unknown>; ids: Record<string, string> }[] {
  const tables = [...options.pool.keys()];
  const slots = idSlots(schema);
  const base = synthesize(schema, { org: options.org, id: () => undefined, hint: options.hint, today: options.today }) as Record<string, unknown>;
  if (slots.length === 0) return [{ payload: base, ids: {} }];
  const candidates = slots.map((slot) => {
    const ids: string[] = [];
    for (const table of options.tablesForKey(slot.key, tables)) {
      const rows = options.pool.get(table) ?? [];
      // First, middle and last rows of each table: ids of different states (proposed vs active pairs…).
      for (const id of new Set([rows[0], rows[Math.floor(rows.length / 2)], rows[rows.length - 1]])) if (id) ids.push(id);
    }
    return ids;
  });
  const count = Math.min(options.max ?? 24, Math.max(1, ...candidates.map((c) => c.length)));
  const out: { payload: Record<string, unknown>; ids: Record<string, string> }[] = [];
  for (let i = 0; i < count; i++) {
    let payload: unknown = base;
    const ids: Record<string, string> = {};
    slots.forEach((slot, s) => {
      const list = candidates[s]!;
      if (list.length === 0) return;
      const id = list[i % list.length]!;
      ids[slot.path.join(".")] = id;
      payload = setAt(payload, slot.path, slot.list ? [id] : id);
    });
    out.push({ payload: payload as Record<string, unknown>, ids });
  }
  return out;
}
