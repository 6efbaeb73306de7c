import { notFound } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { getEvidenceFile } from "@/lib/campaigns/queries";
import { attachmentResponse } from "@/lib/http/attachment";
import { IdParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

// GET /[org]/campaigns/[campaignId]/evidence/[indicatorId][?school=<id>] — an evidence file of a monitoring
// answer: the school's own, or for the office (?school=) a school's submitted one. The query and RLS decide;
// anyone else gets 404. A GET changes nothing.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; campaignId: string; indicatorId: string }> }) {
  const { org, campaignId, indicatorId } = await params;
  const ctx = await requireTenant(org);
  const school = ctx.organization.kind === "SCHOOL";
  if (!hasPermission(ctx.roles, school ? "campaigns.answer" : "campaigns.manage")) notFound();
  const asked = new URL(request.url).searchParams.get("school");
  // A school downloads its own files only: naming another school is a 404, not a quiet fallback.
  if (school && asked !== null && asked !== ctx.organization.id) notFound();
  const schoolId = school ? ctx.organization.id : asked;
  if (![campaignId, indicatorId, schoolId].every((id) => IdParam.safeParse(id).success)) notFound();
  const file = await getEvidenceFile(ctx, campaignId, indicatorId, schoolId!);
  if (!file) notFound();
  return attachmentResponse({ name: file.fileName, type: file.fileType, data: file.fileData });
}
