import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { mentorDutiesConsentScan } from "@/lib/banks/mentor-documents";

export const dynamic = "force-dynamic";

// GET /[org]/mentors/[mentorId]/duties-consent/file — the scan of the signed consent to the additional duties.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; mentorId: string }> }) {
  const { org, mentorId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (!/^[0-9a-f-]{36}$/.test(mentorId)) notFound();
  const scan = await mentorDutiesConsentScan(ctx, mentorId);
  if (!scan?.dutiesConsentFileData) notFound();
  return attachmentResponse({ name: scan.dutiesConsentFileName ?? "duties-consent", asciiName: "duties-consent", type: scan.dutiesConsentFileType ?? "application/octet-stream", data: scan.dutiesConsentFileData });
}
