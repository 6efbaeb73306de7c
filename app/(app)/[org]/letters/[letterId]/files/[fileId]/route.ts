import { notFound } from "next/navigation";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { getLetterFile } from "@/lib/letters/queries";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// GET /[org]/letters/[letterId]/files/[fileId] — a letter's file, for the sending office and the addressed
// schools only (the query and RLS decide; anyone else gets 404). A GET changes nothing.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; letterId: string; fileId: string }> }) {
  const { org, letterId, fileId } = await params;
  const ctx = await requireTenant(org);
  if (!hasPermission(ctx.roles, ctx.organization.kind === "SCHOOL" ? "letters.receive" : "letters.send")) notFound();
  if (!UUID.test(letterId) || !UUID.test(fileId)) notFound();
  const file = await getLetterFile(ctx, letterId, fileId);
  if (!file) notFound();
  return attachmentResponse({ name: file.fileName, type: file.fileType, data: file.fileData });
}
