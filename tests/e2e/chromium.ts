// Debian's Chromium and the flags it needs here (Playwright cannot download browsers on this network; CONTRIBUTING.md
// «Running the suites», CHROMIUM_PATH): the e2e suites and the page benchmarks.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
