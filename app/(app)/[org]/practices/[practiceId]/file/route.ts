import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { getPracticeFile } from "@/lib/practices/queries";

export const dynamic = "force-dynamic";

// GET /[org]/practices/[practiceId]/file — a material's file: the organization's own, or one a school of
// the district shared (read-only). Always as an attachment, never rendered in the app's origin.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; practiceId: string }> }) {
  const { org, practiceId } = await params;
  const ctx = await requireTenant(org, "practices.view");
  const file = await getPracticeFile(ctx, practiceId);
  if (!file?.fileData) notFound();
  const name = file.fileName ?? "material";
  return attachmentResponse({ name, asciiName: "material", type: file.fileType ?? "application/octet-stream", data: file.fileData });
}
