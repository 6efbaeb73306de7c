import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderConsentDocx } from "@/lib/documents/consent-docx";
import { textResponse } from "@/lib/http/attachment";
import { DocumentFormatParam, documentResponse } from "@/lib/http/document-response";
import { IdParam, readRouteParams, searchOf } from "@/lib/http/params";
import { consentDocument } from "@/lib/people/consent-document";
import { CONSENT_PURPOSES } from "@/lib/people/schemas";
import { siteOrigin } from "@/lib/publication/origin";
import { publicPath } from "@/lib/domain/publication";

export const dynamic = "force-dynamic";

const ParamsInput = z.object({ consentId: IdParam, purpose: z.enum(CONSENT_PURPOSES), format: DocumentFormatParam });

// GET /[org]/people/consents/[consentId]/document?purpose=BANK[&format=pdf] — the printable consent for one
// purpose, pre-filled, as .docx or PDF (a separate document per purpose, 152-ФЗ since 01.09.2025). When the
// profile lacks the operator's requisites, a 409 naming what to fill in instead of a blank.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; consentId: string }> }) {
  const { org, consentId } = await params;
  const ctx = await requireTenant(org, "people.manage");
  const parsed = readRouteParams(ParamsInput, { ...searchOf(request), consentId }, request);
  if (!parsed.ok) return parsed.response;
  const origin = await siteOrigin();
  const result = await consentDocument(ctx, consentId, parsed.data.purpose, origin ? new URL(publicPath(ctx.organization.slug), origin).toString() : null);
  if (!result) notFound();
  if (!result.ok) {
    // What is missing is worded by the document's rules in Russian, the document's language (lib/domain/consent-document.ts).
    return textResponse(409, (await getTranslations("errors"))("consentDocumentMissing", { missing: result.missing.join("; ") }));
  }
  const docx = await renderConsentDocx(result.document);
  return documentResponse({ docx, name: result.document.fileTitle, asciiName: `consent-${parsed.data.purpose.toLowerCase()}` }, parsed.data.format);
}
