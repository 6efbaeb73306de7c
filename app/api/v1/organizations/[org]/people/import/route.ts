import { peopleImportEndpoint } from "@/lib/api/endpoints";

export const dynamic = "force-dynamic";

// POST /api/v1/organizations/{org}/people/import (lib/api/endpoints.ts, decision 045).
export const POST = peopleImportEndpoint;
