import { programsEndpoint } from "@/lib/api/endpoints";

export const dynamic = "force-dynamic";

// GET /api/v1/organizations/{org}/programs (lib/api/endpoints.ts, decision 045).
export const GET = programsEndpoint;
