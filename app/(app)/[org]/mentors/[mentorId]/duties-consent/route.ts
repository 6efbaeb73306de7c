import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderConsentDocx } from "@/lib/documents/consent-docx";
import { mentorDutiesConsentDocument } from "@/lib/banks/mentor-documents";
import { DocumentFormatParam, documentResponse } from "@/lib/http/document-response";
import { readRouteParams, searchOf } from "@/lib/http/params";

export const dynamic = "force-dynamic";

const SearchInput = z.object({ format: DocumentFormatParam });

// GET /[org]/mentors/[mentorId]/duties-consent[?format=pdf] — the mentor's written consent to the additional
// duties of mentoring (ТК РФ ст. 60.2), pre-filled, as .docx or PDF: printed, signed, then its date and scan
// are recorded.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; mentorId: string }> }) {
  const { org, mentorId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (!/^[0-9a-f-]{36}$/.test(mentorId)) notFound();
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const doc = await mentorDutiesConsentDocument(ctx, mentorId);
  if (!doc) notFound();
  return documentResponse({ docx: await renderConsentDocx(doc), name: doc.fileTitle, asciiName: "duties-consent" }, search.data.format);
}
