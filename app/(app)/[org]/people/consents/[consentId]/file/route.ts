import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { getConsentScan } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

// GET /[org]/people/consents/[consentId]/file — the scan of a signed consent, for staff who see people.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; consentId: string }> }) {
  const { org, consentId } = await params;
  const ctx = await requireTenant(org, "people.view");
  if (!/^[0-9a-f-]{36}$/.test(consentId)) notFound();
  const consent = await getConsentScan(ctx, consentId);
  if (!consent?.fileData) notFound();
  return new Response(new Uint8Array(consent.fileData), {
    headers: {
      "content-type": consent.fileType ?? "application/octet-stream",
      "content-disposition": `attachment; filename="consent"; filename*=UTF-8''${encodeURIComponent(consent.fileName ?? "consent")}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
