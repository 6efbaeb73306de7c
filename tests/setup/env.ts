import { readEnv } from "../../lib/env";

/** The validated environment of exactly these variables (in a test process: NODE_ENV=test), as lib/env.ts reads it at start. */
export const envOf = (vars: Record<string, string>) => readEnv({ NODE_ENV: "test", ...vars });
