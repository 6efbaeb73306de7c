// Offline stand-in for Prisma's native `schema-engine` binary.
//
// Prisma 7's CLI downloads a native schema engine on first use, from a host that
// is unreachable here. This bridge speaks the same stdio protocol as that binary
// (`--version`, `cli <subcommand>`, and JSON-RPC, one JSON object per line) and
// runs Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) over a PostgreSQL driver adapter
// (@prisma/adapter-pg). prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at
// ./schema-engine, the sh wrapper that runs this file.
//
// Only PostgreSQL is supported.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";

const require = createRequire(import.meta.url);

// The CLI compares `--version` output with the engine hash it was built for and
// refuses (or tries to download) anything else. This is prisma 7.10.1's hash
// (@prisma/engines-version); the wasm package is a slightly newer build of the
// same engine line.
const ENGINE_VERSION_LINE = "schema-engine-cli d1b3f377ca835d73fd50954a5e22128b9ebdd6b8";

// ---------------------------------------------------------------------------
// Arguments, as spawned by the CLI:
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]… [--datasource '{"url":…,"shadowDatabaseUrl":…}'] …   (JSON-RPC)
// ---------------------------------------------------------------------------
function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--datamodels") out.datamodels.push(argv[++i]);
    else if (a === "--datasource") out.datasource = JSON.parse(argv[++i]);
    else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
    else if (a === "cli") {
      out.cli = argv[++i];
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Logging in the native engine's format (JSON lines on stderr). The CLI reads
// `fields.message` of every line and, for `cli` subcommands, looks for an
// ERROR line from target `schema_engine::logger` carrying `error_code`.
// ---------------------------------------------------------------------------
function logLine(level, fields) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" }) + "\n",
  );
}

// ---------------------------------------------------------------------------
// Connection settings
// ---------------------------------------------------------------------------
const { parseIntoClientConfig } = createRequire(require.resolve("pg"))("pg-connection-string");

function requireUrl(url) {
  if (!url) {
    throw new UserFacingError(
      undefined,
      "No database URL: set DATABASE_URL (read by prisma.config.ts), e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/nastavnik",
    );
  }
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new UserFacingError("P1013", "The offline schema-engine bridge only supports postgresql:// URLs.");
  }
  return url;
}

// pg lets `connectionString` override `database`, so whenever we need another
// database than the URL's (shadow db, maintenance db) we pass discrete fields.
function pgConfig(url, database) {
  const cfg = parseIntoClientConfig(requireUrl(url));
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const out = {
    host: cfg.host ?? undefined,
    port: cfg.port ? Number(cfg.port) : undefined,
    user: cfg.user,
    password: cfg.password,
    database: database ?? cfg.database ?? undefined,
    ssl: cfg.ssl,
    application_name: "prisma-schema-engine-bridge",
  };
  // Like the native engine, `?schema=` becomes the search_path.
  if (schema) out.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { pg: out, schema };
}

function describeLocation(cfg) {
  return `${cfg.host ?? "localhost"}:${cfg.port ?? 5432}`;
}

function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

class UserFacingError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.errorCode = code;
    this.meta = meta;
  }
}

// Map a pg connection error to the user-facing Prisma error the native engine would give.
function connectionError(err, cfg) {
  const where = describeLocation(cfg);
  switch (err?.code) {
    case "3D000":
      return new UserFacingError("P1003", `Database \`${cfg.database}\` does not exist on the database server at \`${where}\`.`, {
        database_name: cfg.database,
        database_location: where,
      });
    case "28P01":
    case "28000":
      return new UserFacingError(
        "P1000",
        `Authentication failed against database server, the provided database credentials for \`${cfg.user}\` are not valid.`,
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new UserFacingError("P1001", `Can't reach database server at \`${where}\``, {
        database_host: cfg.host,
        database_port: cfg.port,
      });
    default:
      return err;
  }
}

async function withClient(cfg, fn) {
  const pg = require("pg");
  const client = new pg.Client(cfg);
  try {
    await client.connect();
  } catch (err) {
    throw connectionError(err, cfg);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// CREATE/DROP DATABASE must run while connected to some other database.
async function withMaintenanceClient(url, fn) {
  const { pg: target } = pgConfig(url);
  let lastErr;
  for (const db of ["postgres", "template1"]) {
    try {
      return await withClient({ ...target, database: db }, (c) => fn(c, target));
    } catch (err) {
      if (err instanceof UserFacingError && err.errorCode === "P1003") {
        lastErr = err;
        continue;
      }
      throw err;
    }
  }
  throw lastErr;
}

async function createDatabase(url) {
  return withMaintenanceClient(url, async (c, target) => {
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(target.database)}`);
    } catch (err) {
      if (err.code === "42P04") {
        throw new UserFacingError("P1009", `Database \`${target.database}\` already exists on the database server at \`${describeLocation(target)}\``);
      }
      throw err;
    }
    return target.database;
  });
}

async function dropDatabase(url, name) {
  return withMaintenanceClient(url, async (c, target) => {
    const db = name ?? target.database;
    try {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(db)} WITH (FORCE)`);
    } catch (err) {
      if (err.code !== "42601") throw err; // PostgreSQL < 13 has no WITH (FORCE)
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(db)}`);
    }
  });
}

// ---------------------------------------------------------------------------
// `schema-engine cli <subcommand>` (used by the CLI to probe / create the db)
// ---------------------------------------------------------------------------
async function runCliSubcommand(cmd, datasource) {
  const url = datasource?.url;
  // The CLI skips the first stderr line, then parses every other line as JSON.
  logLine("INFO", { message: `schema-engine bridge: cli ${cmd}` });
  try {
    switch (cmd) {
      case "can-connect-to-database": {
        const { pg: cfg } = pgConfig(url);
        await withClient(cfg, (c) => c.query("SELECT 1"));
        process.stdout.write("Connection successful\n");
        break;
      }
      case "create-database": {
        const name = await createDatabase(url);
        process.stdout.write(`Database '${name}' was successfully created.\n`);
        break;
      }
      case "drop-database": {
        await dropDatabase(url);
        process.stdout.write("The database was successfully dropped.\n");
        break;
      }
      default:
        throw new Error(`Unsupported cli subcommand: ${cmd}`);
    }
    return 0;
  } catch (err) {
    logLine("ERROR", {
      message: err?.message ?? String(err),
      ...(err instanceof UserFacingError ? { error_code: err.errorCode } : {}),
    });
    return 1;
  }
}

// ---------------------------------------------------------------------------
// The wasm engine and its driver adapter
// ---------------------------------------------------------------------------

// @prisma/schema-engine-wasm's entry point uses an ESM wasm import (needs
// --experimental-wasm-modules on Node 20), so instantiate the module by hand.
async function loadWasmEngine() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = readFileSync(bgPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

const CHARACTER = 6; // ColumnTypeEnum.Character
const TEXT_OID = 25;
const CHAR_OID = 18; // the one-byte `"char"` type (pg_constraint.contype, …)

// adapter-pg throws UnsupportedNativeDataType for pg_catalog types the engine's
// introspection queries return (`"char"`, regclass, regproc, oidvector,
// pg_node_tree, aclitem …; prisma/orm#27403). Relabel every such column as text
// before the adapter looks at it; `"char"` columns must reach the engine as
// Character columns, otherwise describing CHECK constraints panics.
// KNOWN_OIDS: the built-in types adapter-pg 7.10 maps itself (checked type by type).
const KNOWN_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560,
  1562, 1700, 2950, 3802,
  // arrays adapter-pg maps
  1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183, 1185, 1231, 1561,
  1563, 143, 199, 2951, 3807, 651, 791,
]);
const charColumns = new WeakMap(); // result.rows -> indexes of `"char"` columns

function patchQueryable(q) {
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const chars = [];
    result.fields?.forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) chars.push(i);
      // Enums and other user types (oid >= 16384) are handled by adapter-pg itself.
      if (f.dataTypeID < 16384 && !KNOWN_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    });
    if (chars.length && result.rows) charColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const out = await queryRaw(query);
    for (const i of charColumns.get(out.rows) ?? []) out.columnTypes[i] = CHARACTER;
    return out;
  };
  return q;
}

function patchAdapter(adapter) {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  // adapter-pg's executeScript splits on every `;`, which breaks `DO $$ … $$`
  // blocks and function bodies. Send the whole script as one simple-protocol
  // query instead, the way the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (err) {
      adapter.onError(err);
    }
  };
  return adapter;
}

function missingUrlAdapter() {
  const fail = async () => {
    requireUrl(undefined);
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    queryRaw: fail,
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

const openShadowDbs = new Set(); // { url, name } to drop on exit if a dispose was missed

function makeAdapterFactory(datasource) {
  const { PrismaPg } = require("@prisma/adapter-pg");
  const url = datasource?.url;
  const lazyConfig = () => pgConfig(url);

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      // The engine connects even for database-free work (`migrate diff
      // --from-empty --to-schema`), so without a URL hand out an adapter that
      // only fails once it is actually used.
      if (!url) return missingUrlAdapter();
      const { pg: cfg, schema } = lazyConfig();
      return patchAdapter(await new PrismaPg(cfg, schema ? { schema } : undefined).connect());
    },
    // adapter-pg's connectToShadowDb drops the temporary database while its pool
    // is still open and ignores shadowDatabaseUrl: do both ourselves.
    async connectToShadowDb() {
      if (datasource?.shadowDatabaseUrl) {
        const { pg: cfg, schema = "public" } = pgConfig(datasource.shadowDatabaseUrl);
        const { pg: main } = pgConfig(url);
        if (cfg.database === main.database && describeLocation(cfg) === describeLocation(main)) {
          throw new UserFacingError(
            undefined,
            "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
          );
        }
        // Like the native engine, start from an empty schema: the wasm engine
        // replays the migrations into whatever the shadow database contains.
        await withClient(cfg, (c) =>
          c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)};`),
        );
        return patchAdapter(await new PrismaPg(cfg, { schema }).connect());
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withMaintenanceClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      const entry = { url, name };
      openShadowDbs.add(entry);
      const { pg: cfg, schema } = pgConfig(url, name);
      const adapter = patchAdapter(await new PrismaPg(cfg, schema ? { schema } : undefined).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose(); // closes the pool first…
        openShadowDbs.delete(entry);
        await dropDatabase(url, name); // …then drops the database
      };
      return adapter;
    },
  };
}

// ---------------------------------------------------------------------------
// JSON-RPC server
// ---------------------------------------------------------------------------
// Errors thrown inside the adapter reach the engine as `GenericJs { id }` and
// come back as "External error id#N"; the original lives in the binder's registry.
let errorRegistry;

function toRpcError(err) {
  const ext = /External error id#(\d+)/.exec(err?.message ?? "");
  const original = ext ? errorRegistry?.consumeError(Number(ext[1]))?.error : undefined;
  if (original) return toRpcError(original);
  if (err instanceof UserFacingError) {
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: err.message, meta: err.meta, error_code: err.errorCode ?? null },
    };
  }
  // The wasm engine rejects with `Error { name: "SchemaConnectorError", code: "P…" }`
  // for user-facing errors, and with a RuntimeError ("unreachable") on a panic.
  const message = String(err?.message ?? err);
  if (err instanceof WebAssembly.RuntimeError) {
    const panic = panicMessage ?? message;
    // The CLI reads a panic's text from `data.error.message`, else `message`.
    return {
      code: 4466,
      message: panic,
      data: { is_panic: true, message: panic, error: { message: panic }, meta: {}, error_code: null },
    };
  }
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: false,
      message,
      meta: err?.meta ?? {},
      error_code: typeof err?.code === "string" && /^P\d{4}$/.test(err.code) ? err.code : null,
    },
  };
}

// The wasm engine's panic hook reports the panic message here (otherwise a
// panic would only surface as "RuntimeError: unreachable").
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

async function serveRpc(args) {
  const datamodels = args.datamodels.map((p) => [p, readFileSync(p, "utf8")]);
  const bg = await loadWasmEngine();
  const adapterFactory = makeAdapterFactory(args.datasource);
  // The binder the CLI itself would use: turns thrown errors into Result values the engine understands.
  const { bindMigrationAwareSqlAdapterFactory } = createRequire(require.resolve("@prisma/adapter-pg"))(
    "@prisma/driver-adapter-utils",
  );

  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  errorRegistry = boundFactory.errorRegistry;

  let enginePromise;
  const engine = () =>
    (enginePromise ??= bg.SchemaEngine.new(
      { datamodels: datamodels.length ? datamodels : undefined },
      (log) => {
        // Engine logs are JSON lines already; pass them on for the CLI's error reporting.
        process.stderr.write(String(log).trimEnd() + "\n");
      },
      boundFactory,
    ));

  // evaluateDataLoss/createMigration get no shadow-database factory in the
  // wasm engine: they only read the schema of the migrations directory from a
  // cache that devDiagnostic fills (it alone may create a shadow database). The
  // cache is keyed by the migration list, and in `migrate dev` the list that
  // devDiagnostic saw on a database with pending migrations is not the one seen
  // after applyMigrations, so the lookup misses ("PostgreSQL shadow DB must be
  // provided through an external factory"). Re-run devDiagnostic for the list
  // at hand first; when nothing changed it is a cheap cache hit.
  let diagnosedList;
  const ensureDiagnosed = async (e, params) => {
    const key = JSON.stringify(params.migrationsList);
    if (key === diagnosedList) return;
    await e.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    diagnosedList = key;
  };
  const handlers = {
    async getDatabaseVersion(params) {
      return (await engine()).version(params ?? null);
    },
    async version() {
      return ENGINE_VERSION_LINE.split(" ")[1];
    },
    async createDatabase(params) {
      const url = params?.datasource?.url ?? args.datasource?.url;
      return { databaseName: await createDatabase(url) };
    },
    async devDiagnostic(params) {
      const result = await (await engine()).devDiagnostic(params);
      diagnosedList = JSON.stringify(params.migrationsList);
      return result;
    },
    async applyMigrations(params) {
      const result = await (await engine()).applyMigrations(params);
      if (result?.appliedMigrationNames?.length) diagnosedList = undefined;
      return result;
    },
    async evaluateDataLoss(params) {
      const e = await engine();
      await ensureDiagnosed(e, params);
      return e.evaluateDataLoss(params);
    },
    async createMigration(params) {
      const e = await engine();
      await ensureDiagnosed(e, params);
      return e.createMigration(params);
    },
  };

  const out = (msg) => process.stdout.write(JSON.stringify(msg) + "\n");
  // The native engine does not return `diff` output: it sends the CLI a `print`
  // request and the CLI writes the content to its stdout (so `--output` works).
  const pending = new Map();
  let nextId = 1_000_000;
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      out({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  handlers.diff = async (params) => {
    const result = await (await engine()).diff(params);
    if (result?.stdout != null) await print(result.stdout);
    return { ...result, stdout: null };
  };
  let queue = Promise.resolve();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let req;
    try {
      req = JSON.parse(line);
    } catch {
      out({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (!req.method) {
      // A response to one of our own requests (`print`).
      pending.get(req.id)?.();
      pending.delete(req.id);
      return;
    }
    if (req.id === undefined) return; // notification
    // One request at a time: the wasm engine instance is not re-entrant.
    queue = queue.then(async () => {
      try {
        const handler = handlers[req.method];
        let result;
        if (handler) result = await handler(req.params);
        else {
          const e = await engine();
          if (typeof e[req.method] !== "function") {
            out({ jsonrpc: "2.0", id: req.id, error: { code: -32601, message: `Method not found: ${req.method}` } });
            return;
          }
          result = await e[req.method](req.params ?? {});
        }
        out({ jsonrpc: "2.0", id: req.id, result: result ?? {} });
      } catch (err) {
        out({ jsonrpc: "2.0", id: req.id, error: toRpcError(err) });
      }
    });
  });
  await new Promise((resolve) => rl.on("close", resolve));
  await queue;
  // Leave nothing behind: free the engine (closing its pools) and drop any
  // shadow database whose dispose did not run.
  try {
    if (enginePromise) (await enginePromise).free();
  } catch {}
  for (const { url, name } of openShadowDbs) await dropDatabase(url, name).catch(() => {});
}

// The CLI stops the engine by closing stdin and, on POSIX, sending SIGTERM right
// away: still drop any shadow database we created before going.
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.once(signal, async () => {
    for (const { url, name } of openShadowDbs) await dropDatabase(url, name).catch(() => {});
    process.exit(0);
  });
}

// ---------------------------------------------------------------------------
const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(ENGINE_VERSION_LINE + "\n");
  process.exit(0);
} else if (args.cli) {
  process.exit(await runCliSubcommand(args.cli, args.datasource));
} else {
  try {
    await serveRpc(args);
    process.exit(0);
  } catch (err) {
    logLine("ERROR", { message: err?.stack ?? String(err) });
    process.exit(1);
  }
}
