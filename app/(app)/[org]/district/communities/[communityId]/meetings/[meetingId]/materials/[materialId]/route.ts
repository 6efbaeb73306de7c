import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { getCommunityMaterialFile } from "@/lib/communities/queries";
import { attachmentResponse } from "@/lib/http/attachment";
import { IdParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

// GET …/communities/[communityId]/meetings/[meetingId]/materials/[materialId] — a material of the office's meeting
// (decision 059). The query and RLS decide: anyone but the office gets 404. A GET changes nothing.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; communityId: string; meetingId: string; materialId: string }> }) {
  const { org, communityId, meetingId, materialId } = await params;
  const ctx = await requireTenant(org, "communities.view");
  if (ctx.organization.kind !== "MUNICIPALITY") notFound();
  if (![communityId, meetingId, materialId].every((id) => IdParam.safeParse(id).success)) notFound();
  const file = await getCommunityMaterialFile(ctx, meetingId, materialId);
  if (!file) notFound();
  return attachmentResponse({ name: file.fileName, type: file.fileType, data: file.fileData });
}
