import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { getDeadlineMarkFile } from "@/lib/deadlines/queries";
import { attachmentResponse } from "@/lib/http/attachment";
import { IdParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

// GET /[org]/deadlines/[deadlineId]/files/[schoolId] — a school's evidence file of its mark, for the office that set
// the deadline (decision 054; beside the office's pages as the campaigns' evidence is). The query and RLS decide;
// anyone else gets 404. A GET changes nothing.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; deadlineId: string; schoolId: string }> }) {
  const { org, deadlineId, schoolId } = await params;
  const ctx = await requireTenant(org, "deadlines.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  if (![deadlineId, schoolId].every((id) => IdParam.safeParse(id).success)) notFound();
  const file = await getDeadlineMarkFile(ctx, deadlineId, schoolId);
  if (!file?.fileName || !file.fileData) notFound();
  return attachmentResponse({ name: file.fileName, type: file.fileType ?? "application/octet-stream", data: file.fileData });
}
