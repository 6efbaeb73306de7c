import { livenessResponse } from "@/lib/health";

export const dynamic = "force-dynamic";

// Liveness: the process is up and serving; the database is not asked (docs/operations.md).
export function GET() {
  return livenessResponse();
}
