import { readinessResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

// Readiness: the database answers and every migration is applied (503 with a reason otherwise).
export async function GET() {
  return readinessResponse();
}
