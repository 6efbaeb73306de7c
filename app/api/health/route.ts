import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Readiness for load balancers and the test servers: anyone may ask, so the answer says only whether the
// app can serve (database up, migrations applied). What is wrong goes to the server log, not to the visitor.
export async function GET() {
  const health = await checkHealth();
  if (!health.ok) console.error("[health] not ready:", JSON.stringify(health));
  return Response.json({ ok: health.ok }, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
