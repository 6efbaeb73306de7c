import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { xlsxResponse } from "@/lib/people/xlsx";
import { registryTemplate } from "@/lib/registry/template";

export const dynamic = "force-dynamic";

// GET /[org]/schools/template — the list template of the registry (.xlsx with a «Вид» dropdown), for its managers.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "registry.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  return xlsxResponse(await registryTemplate(ctx.organization.kind));
}
