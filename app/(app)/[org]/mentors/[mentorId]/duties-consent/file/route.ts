import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { mentorDutiesConsentScan } from "@/lib/banks/mentor-documents";

export const dynamic = "force-dynamic";

// GET /[org]/mentors/[mentorId]/duties-consent/file — the scan of the signed consent to the additional duties.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; mentorId: string }> }) {
  const { org, mentorId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (!/^[0-9a-f-]{36}$/.test(mentorId)) notFound();
  const scan = await mentorDutiesConsentScan(ctx, mentorId);
  if (!scan?.dutiesConsentFileData) notFound();
  return new Response(new Uint8Array(scan.dutiesConsentFileData), {
    headers: {
      "content-type": scan.dutiesConsentFileType ?? "application/octet-stream",
      "content-disposition": `attachment; filename="duties-consent"; filename*=UTF-8''${encodeURIComponent(scan.dutiesConsentFileName ?? "duties-consent")}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
