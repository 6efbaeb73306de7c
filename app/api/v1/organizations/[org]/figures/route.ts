import { figuresEndpoint } from "@/lib/api/endpoints";

export const dynamic = "force-dynamic";

// GET /api/v1/organizations/{org}/figures (lib/api/endpoints.ts, decision 045).
export const GET = figuresEndpoint;
