import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderConsentDocx } from "@/lib/documents/consent-docx";
import { IdParam, readRouteParams, searchOf } from "@/lib/http/params";
import { consentDocument } from "@/lib/people/consent-document";
import { CONSENT_PURPOSES } from "@/lib/people/schemas";
import { siteOrigin } from "@/lib/publication/origin";
import { publicPath } from "@/lib/domain/publication";

export const dynamic = "force-dynamic";

const ParamsInput = z.object({ consentId: IdParam, purpose: z.enum(CONSENT_PURPOSES) });

// GET /[org]/people/consents/[consentId]/document?purpose=BANK — the printable consent for one purpose,
// pre-filled, as .docx (a separate document per purpose, 152-ФЗ since 01.09.2025). When the profile lacks
// the operator's requisites, a 409 naming what to fill in instead of a blank.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; consentId: string }> }) {
  const { org, consentId } = await params;
  const ctx = await requireTenant(org, "people.manage");
  const parsed = readRouteParams(ParamsInput, { ...searchOf(request), consentId }, request);
  if (!parsed.ok) return parsed.response;
  const origin = await siteOrigin();
  const result = await consentDocument(ctx, consentId, parsed.data.purpose, origin ? new URL(publicPath(ctx.organization.slug), origin).toString() : null);
  if (!result) notFound();
  if (!result.ok) {
    return new Response(`Согласие нельзя сформировать: не хватает сведений — ${result.missing.join("; ")}. Заполните их в профиле организации или в записи согласия.`, {
      status: 409,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const bytes = await renderConsentDocx(result.document);
  const name = `${result.document.fileTitle}.docx`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="consent-${parsed.data.purpose.toLowerCase()}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
