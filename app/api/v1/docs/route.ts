import { apiDocsHtml } from "@/lib/api/docs-html";

export const dynamic = "force-dynamic";

// The readable description of /api/v1: server-rendered from the OpenAPI document, no scripts (decision 045).
export function GET() {
  return new Response(apiDocsHtml(), { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
