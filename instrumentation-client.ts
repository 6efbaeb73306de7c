import { z } from "zod";

// Runs in the browser before the application's code. Zod probes whether `new Function` is allowed the
// first time it parses an object; under our Content-Security-Policy (no 'unsafe-eval') the probe fails
// quietly but the browser still reports a violation. jitless skips the probe and the compiled fast path
// (lib/http/security-headers.ts).
z.config({ jitless: true });
