import { apiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

// The OpenAPI 3.1 description of /api/v1, generated from the contract's zod schemas (decision 045). Public.
export function GET() {
  return Response.json(apiDocument(), { headers: { "cache-control": "no-store" } });
}
