import { readinessResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

// Readiness for load balancers and the test servers (the same answer as /api/health/ready, which the
// operations guide names; this address stays for the configurations that use it). Liveness: /api/health/live.
export async function GET() {
  return readinessResponse();
}
