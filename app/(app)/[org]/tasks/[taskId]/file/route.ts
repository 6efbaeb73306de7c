import { notFound } from "next/navigation";
import { downloaded } from "@/lib/actions/download";
import { requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { IdParam } from "@/lib/http/params";
import { downloadTaskFile } from "@/lib/tasks/queries";

export const dynamic = "force-dynamic";

// GET /[org]/tasks/[taskId]/file — the file a finished background task produced (decision 057), to those who may see
// the task's kind; recorded in the audit log (tasks.download).
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; taskId: string }> }) {
  const { org, taskId } = await params;
  const ctx = await requireTenant(org, "tasks.view");
  if (!IdParam.safeParse(taskId).success) notFound();
  return attachmentResponse(downloaded(await downloadTaskFile(ctx, { taskId })));
}
