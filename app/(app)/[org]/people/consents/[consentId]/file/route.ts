import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { getConsentScan } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

// GET /[org]/people/consents/[consentId]/file — the scan of a signed consent, for staff who see people.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; consentId: string }> }) {
  const { org, consentId } = await params;
  const ctx = await requireTenant(org, "people.view");
  if (!/^[0-9a-f-]{36}$/.test(consentId)) notFound();
  const consent = await getConsentScan(ctx, consentId);
  if (!consent?.fileData) notFound();
  return attachmentResponse({ name: consent.fileName ?? "consent", asciiName: "consent", type: consent.fileType ?? "application/octet-stream", data: consent.fileData });
}
