import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { getActFile } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

// GET /[org]/acts/[actId]/file — the act's attached file, for members of the organization only.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; actId: string }> }) {
  const { org, actId } = await params;
  const ctx = await requireTenant(org, "program.view");
  if (!/^[0-9a-f-]{36}$/.test(actId)) notFound();
  const act = await getActFile(ctx, actId);
  if (!act?.fileData) notFound();
  const name = act.fileName ?? "act";
  return attachmentResponse({ name, asciiName: "act", type: act.fileType ?? "application/octet-stream", data: act.fileData });
}
