// Imported first by a benchmark script whose imports reach modules marked `server-only` (actions, queries): that
// marker throws outside Next's react-server bundles, and a benchmark script is such a server — so it resolves to the
// package's own empty module before any of them loads (as vitest's alias does).
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(__filename);
const marker = require.resolve("server-only");
const empty = path.join(path.dirname(marker), "empty.js");
require(empty);
require.cache[marker] = require.cache[empty];
