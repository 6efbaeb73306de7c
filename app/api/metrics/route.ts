import { metricsAccessAllowed, metricsRefusal } from "@/lib/observability/metrics-access";
import { metricsText } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

// Prometheus' scrape target: this process's metrics (each app instance is scraped on its own,
// docs/operations.md), only for the bearer METRICS_TOKEN.
export async function GET(request: Request) {
  if (!metricsAccessAllowed(request.headers.get("authorization"))) return metricsRefusal();
  const { contentType, body } = await metricsText();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
