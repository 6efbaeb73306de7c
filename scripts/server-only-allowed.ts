// Imported first by a benchmark script whose static imports reach modules marked `server-only` (the actions): the
// marker then resolves to its empty module before any of them loads (./bench-stats.ts, allowServerOnlyModules).
import { allowServerOnlyModules } from "./bench-stats";

allowServerOnlyModules();
