import pino, { type Logger, type LevelWithSilent } from "pino";
import { envVariable, readEnv } from "../env";
import { currentRequestId } from "./request-context";
import { consoleText } from "../i18n/russian-console";

/**
 * The server's log: one JSON object per line on stdout (pino), for a collector to ship. Every line written
 * while a request is served carries its `requestId` (lib/observability/request-context.ts), the same id the
 * response's X-Request-Id header shows. LOG_LEVEL sets the level (default info; silent under vitest, so
 * test output stays quiet). Fields that may hold secrets are replaced by "[Redacted]" whatever the caller
 * passed; callers still never pass passwords, tokens or raw addresses with tokens in them.
 */

/** Keys censored at the top level and one level down (pino's redact paths). */
const SECRET_KEYS = ["password", "currentPassword", "newPassword", "passwordHash", "token", "secret", "authorization", "cookie", "AUTH_SECRET", "METRICS_TOKEN"];
const REDACT_PATHS = [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)];

type Sink = (line: string) => void;

const key = Symbol.for("nastavnik.logger");
type LoggerState = { logger: Logger; sink: Sink };
type GlobalWithLogger = typeof globalThis & { [key]?: LoggerState };

const writeStdout: Sink = (line) => {
  process.stdout.write(line);
};

function configuredLevel(): { level: LevelWithSilent; problem?: string } {
  try {
    const level = readEnv().LOG_LEVEL;
    if (level) return { level };
  } catch (error) {
    // Another variable is wrong: the module that reads it says so; the log still works.
    if (!(error instanceof Error && /LOG_LEVEL/.test(error.message))) return { level: envVariable("VITEST") ? "silent" : "info" };
    return { level: "info", problem: consoleText("logger.badLevel", { value: String(envVariable("LOG_LEVEL")) }) };
  }
  return { level: envVariable("VITEST") ? "silent" : "info" };
}

function state(): LoggerState {
  const g = globalThis as GlobalWithLogger;
  if (!g[key]) {
    const { level, problem } = configuredLevel();
    const current: LoggerState = { sink: writeStdout, logger: undefined as unknown as Logger };
    current.logger = pino(
      {
        level,
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACT_PATHS, censor: "[Redacted]" },
        mixin() {
          const requestId = currentRequestId();
          return requestId ? { requestId } : {};
        },
      },
      // A plain synchronous write per line: two module instances (the server script, Next's bundles) and
      // two processes (tests/cluster) never interleave inside a line.
      { write: (line: string) => current.sink(line) },
    );
    g[key] = current;
    if (problem) current.logger.error(problem);
  }
  return g[key];
}

/** The process's logger; `log.child({ component: "reminders" })` names where a line comes from. */
export function getLogger(): Logger {
  return state().logger;
}

/**
 * Tests: collect the lines written from now on (parsed), at the given level, until `stop()`; the previous
 * sink and level come back then.
 */
export function captureLogs(level: LevelWithSilent = "trace"): { lines: Record<string, unknown>[]; raw: string[]; stop(): void } {
  const current = state();
  const previous = { sink: current.sink, level: current.logger.level };
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  current.sink = (line) => {
    raw.push(line);
    lines.push(JSON.parse(line) as Record<string, unknown>);
  };
  current.logger.level = level;
  return {
    lines,
    raw,
    stop() {
      current.sink = previous.sink;
      current.logger.level = previous.level;
    },
  };
}

/** The message of an error for a log line (its stack goes under `err` when the caller passes the error itself). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
