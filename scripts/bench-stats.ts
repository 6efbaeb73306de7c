// Shared by the benchmark scripts: `--name value` / `--name=value` flags and nearest-rank percentiles.

export function flag(name: string, fallback: number): number {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const value = Number(argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Nearest rank: the smallest value with at least q of the runs at or below it (NaN for no runs). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export type Stats = { p50: number; p95: number; max: number };
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1)! };
}

/** DATABASE_URL, or the script stops (exit 2) saying in Russian and English that it runs on PostgreSQL only. */
export function postgresUrlOrExit(whatRu: string, whatEn: string): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  console.error(`DATABASE_URL не задан: ${whatRu} только на PostgreSQL (например, DATABASE_URL=postgresql://postgres@127.0.0.1:5432/nastavnik_bench).`);
  console.error(`DATABASE_URL is not set: ${whatEn} against PostgreSQL only.`);
  process.exit(2);
}
