// npx tsx scripts/heap-diff.ts before.heapsnapshot after.heapsnapshot [--top 40] [--path Constructor[,Constructor…]]
// — the objects a V8 heap snapshot holds, by constructor (count and shallow size), and what grew between two snapshots
// (scripts/bench-memory.ts writes them). --path prints, for a few objects of the given constructors in the second
// snapshot, the shortest chain of strong references from the GC roots that keeps each one alive.
//
// A snapshot of a few hundred MiB does not fit one JSON string, so the reader scans the file's buffer: the numeric
// arrays (nodes, edges) by hand, the strings array with JSON.parse of its slice.

import { readFile } from "node:fs/promises";

export type Snapshot = {
  nodeFields: number;
  edgeFields: number;
  nodeTypes: string[];
  edgeTypes: string[];
  nodes: Uint32Array;
  edges: Uint32Array;
  strings: string[];
  firstEdge: Uint32Array;
};

function numberArray(buf: Buffer, start: number): { values: Uint32Array; end: number } {
  const out: number[] = [];
  let i = start;
  let n = 0;
  let inNumber = false;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      inNumber = true;
    } else {
      if (inNumber) out.push(n);
      n = 0;
      inNumber = false;
      if (c === 93) break; // ]
    }
  }
  return { values: Uint32Array.from(out), end: i };
}

export async function readSnapshot(file: string): Promise<Snapshot> {
  const buf = await readFile(file);
  const nodesAt = buf.indexOf('"nodes":[');
  const header = JSON.parse(buf.subarray(0, nodesAt).toString().replace(/,\s*$/, "") + "}") as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  };
  const meta = header.snapshot.meta;
  const nodes = numberArray(buf, nodesAt + 9);
  const edgesAt = buf.indexOf('"edges":[', nodes.end);
  const edges = numberArray(buf, edgesAt + 9);
  const stringsAt = buf.indexOf('"strings":[', edges.end);
  const tail = buf.subarray(stringsAt + 10).toString();
  const strings = JSON.parse(tail.slice(0, tail.lastIndexOf("]") + 1)) as string[];
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const count = nodes.values.length / nodeFields;
  const firstEdge = new Uint32Array(count + 1);
  const edgeCountField = meta.node_fields.indexOf("edge_count");
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes.values[i * nodeFields + edgeCountField]! * edgeFields;
    firstEdge[i + 1] = e;
  }
  return { nodeFields, edgeFields, nodeTypes: meta.node_types[0], edgeTypes: meta.edge_types[0], nodes: nodes.values, edges: edges.values, strings, firstEdge };
}

export type Summary = Map<string, { count: number; size: number }>;

/** Objects by "type name" (for JS objects the name is the constructor's), with count and shallow size. */
export function summarize(s: Snapshot): Summary {
  const out: Summary = new Map();
  const count = s.nodes.length / s.nodeFields;
  for (let i = 0; i < count; i++) {
    const base = i * s.nodeFields;
    const type = s.nodeTypes[s.nodes[base]!]!;
    if (type === "hidden" || type === "synthetic") continue;
    let name = type === "object" || type === "closure" || type === "native" ? s.strings[s.nodes[base + 1]!]! : "";
    if (name.length > 60) name = name.slice(0, 57) + "…";
    const key = type === "object" ? name : `(${type})${name ? " " + name : ""}`;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += s.nodes[base + 3]!;
    out.set(key, entry);
  }
  return out;
}

export async function readSnapshotSummary(file: string): Promise<Summary> {
  return summarize(await readSnapshot(file));
}

export type DiffRow = { key: string; before: number; after: number; sizeBefore: number; sizeAfter: number };

export function diffSnapshots(before: Summary, after: Summary): DiffRow[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => ({ key, before: before.get(key)?.count ?? 0, after: after.get(key)?.count ?? 0, sizeBefore: before.get(key)?.size ?? 0, sizeAfter: after.get(key)?.size ?? 0 }))
    .sort((a, b) => b.sizeAfter - b.sizeBefore - (a.sizeAfter - a.sizeBefore));
}

export function printDiff(rows: DiffRow[], top: number): void {
  const total = (k: "sizeBefore" | "sizeAfter") => rows.reduce((n, r) => n + r[k], 0) / 1048576;
  console.log(`\nshallow size of all objects: ${total("sizeBefore").toFixed(1)} → ${total("sizeAfter").toFixed(1)} MiB; grew most:`);
  console.log(`${"constructor".padEnd(62)}${"count before".padStart(13)}${"after".padStart(10)}${"KiB before".padStart(12)}${"after".padStart(10)}`);
  for (const r of rows.slice(0, top))
    console.log(`${r.key.padEnd(62)}${String(r.before).padStart(13)}${String(r.after).padStart(10)}${(r.sizeBefore / 1024).toFixed(0).padStart(12)}${(r.sizeAfter / 1024).toFixed(0).padStart(10)}`);
}

/** The shortest chains of strong references from the GC roots to up to `limit` objects named `name` (or "@<id>"). */
export function retainerPaths(s: Snapshot, names: string[], limit: number): string[] {
  const count = s.nodes.length / s.nodeFields;
  const parent = new Int32Array(count).fill(-1);
  const parentEdge = new Int32Array(count).fill(-1);
  const weak = s.edgeTypes.indexOf("weak");
  const shortcut = s.edgeTypes.indexOf("shortcut");
  const toNodeField = 2;
  const arrayType = s.nodeTypes.indexOf("array");
  const nameIsString = new Set(["context", "property", "internal", "shortcut", "weak"].map((t) => s.edgeTypes.indexOf(t)));
  const indexOfId = new Map<number, number>();
  for (let i = 0; i < count; i++) indexOfId.set(s.nodes[i * s.nodeFields + 2]!, i);
  // A WeakMap entry's value lives only while both the map's table and the key live. V8 records two edges to the
  // value, "part of key (K @k) -> value (V @v) pair in WeakMap (table @t)", one from the table and one from the key:
  // the edge of whichever of the two is reached last is followed, so the chain shows the one that decides.
  const ephemeronOther = (from: number, e: number): number | undefined => {
    if (!nameIsString.has(s.edges[e]!)) return undefined;
    const name = s.strings[s.edges[e + 1]!]!;
    if (!name.includes("part of key")) return undefined;
    const m = s.nodes[from * s.nodeFields] === arrayType ? name.match(/part of key \(.*? @(\d+)\)/) : name.match(/\(table @(\d+)\)/);
    return m ? indexOfId.get(Number(m[1])) : undefined;
  };
  const queue = new Uint32Array(count);
  let head = 0;
  let tailAt = 0;
  const reach = (to: number, from: number, e: number) => {
    if (parent[to] !== -1) return;
    parent[to] = from;
    parentEdge[to] = e;
    queue[tailAt++] = to;
  };
  queue[tailAt++] = 0;
  parent[0] = 0;
  while (head < tailAt) {
    const n = queue[head++]!;
    for (let e = s.firstEdge[n]!; e < s.firstEdge[n + 1]!; e += s.edgeFields) {
      const type = s.edges[e]!;
      if (type === weak || type === shortcut) continue;
      const to = s.edges[e + toNodeField]! / s.nodeFields;
      if (parent[to] !== -1) continue;
      const other = ephemeronOther(n, e);
      if (other !== undefined && parent[other] === -1) continue; // its own edge follows once it is reached
      reach(to, n, e);
    }
  }
  const label = (n: number) => {
    const base = n * s.nodeFields;
    return `${s.nodeTypes[s.nodes[base]!]} ${s.strings[s.nodes[base + 1]!]!.slice(0, 50)} @${s.nodes[base + 2]}`;
  };
  const edgeName = (e: number) => {
    const type = s.edgeTypes[s.edges[e]!]!;
    const nameOrIndex = s.edges[e + 1]!;
    return type === "element" || type === "hidden" ? `[${nameOrIndex}]` : `.${s.strings[nameOrIndex]}`;
  };
  const out: string[] = [];
  const wanted = new Set(names);
  for (let i = 0; i < count && out.length < limit; i++) {
    const base = i * s.nodeFields;
    const byId = wanted.has(`@${s.nodes[base + 2]}`);
    if (!byId && (s.nodeTypes[s.nodes[base]!] !== "object" || !wanted.has(s.strings[s.nodes[base + 1]!]!))) continue;
    if (parent[i] === -1) continue;
    const chain: string[] = [];
    for (let n = i; n !== 0 && chain.length < 60; n = parent[n]!) chain.push(`${edgeName(parentEdge[n]!)} → ${label(n)}`);
    out.push(chain.reverse().join("\n    "));
  }
  return out;
}

async function cli() {
  const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith("--") && x.endsWith(".heapsnapshot"));
  if (!a) {
    console.error("usage: tsx scripts/heap-diff.ts before.heapsnapshot [after.heapsnapshot] [--top 40] [--path Name,Name]");
    process.exit(2);
  }
  const topAt = process.argv.indexOf("--top");
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 40;
  const last = await readSnapshot(b ?? a);
  if (b) printDiff(diffSnapshots(await readSnapshotSummary(a), summarize(last)), top);
  const pathAt = process.argv.indexOf("--path");
  if (pathAt > 0) {
    const limitAt = process.argv.indexOf("--limit");
    for (const p of retainerPaths(last, process.argv[pathAt + 1]!.split(","), limitAt > 0 ? Number(process.argv[limitAt + 1]) : 3)) console.log(`\n  root\n    ${p}`);
  }
}

if (process.argv[1]?.endsWith("heap-diff.ts")) {
  cli().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
