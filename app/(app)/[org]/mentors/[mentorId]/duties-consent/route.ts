import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { renderConsentDocx } from "@/lib/documents/consent-docx";
import { mentorDutiesConsentDocument } from "@/lib/banks/mentor-documents";

export const dynamic = "force-dynamic";

// GET /[org]/mentors/[mentorId]/duties-consent — the mentor's written consent to the additional duties of
// mentoring (ТК РФ ст. 60.2), pre-filled, as .docx: printed, signed, then its date and scan are recorded.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; mentorId: string }> }) {
  const { org, mentorId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (!/^[0-9a-f-]{36}$/.test(mentorId)) notFound();
  const doc = await mentorDutiesConsentDocument(ctx, mentorId);
  if (!doc) notFound();
  const bytes = await renderConsentDocx(doc);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="duties-consent.docx"; filename*=UTF-8''${encodeURIComponent(`${doc.fileTitle}.docx`)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
