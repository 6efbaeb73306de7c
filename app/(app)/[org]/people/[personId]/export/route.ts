import { z } from "zod";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { attachmentResponse } from "@/lib/http/attachment";
import { DOCUMENT_FORMATS, documentResponse } from "@/lib/http/document-response";
import { IdParam, readRouteParams, searchOf } from "@/lib/http/params";
import { now } from "@/lib/clock";
import { isoDate } from "@/lib/domain/local-date";
import { renderPersonalDataDocx } from "@/lib/documents/personal-data-docx";
import { russian } from "@/lib/i18n/russian";
import { personalDataDocument, personalDataJson } from "@/lib/people/personal-data";
import { downloaded } from "@/lib/actions/download";
import { exportPersonalData } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

const ParamsInput = z.object({ personId: IdParam, format: z.enum(["json", ...DOCUMENT_FORMATS]).default("json") });

// GET /[org]/people/[personId]/export?format=json|docx|pdf — everything kept about the person, for their
// request (152-ФЗ, art. 14). The export itself, in whichever format, is recorded in the audit log.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; personId: string }> }) {
  const { org, personId } = await params;
  const ctx = await requireTenant(org, "people.manage");
  const parsed = readRouteParams(ParamsInput, { ...searchOf(request), personId }, request);
  if (!parsed.ok) return parsed.response;
  const { format } = parsed.data;
  const data = downloaded(await exportPersonalData(ctx, { personId, format }));
  const at = now();
  const asciiName = `personal-data-${isoDate(organizationToday(ctx, at))}`;
  const name = russian("personalData.fileName", { lastName: data.lastName, firstName: data.firstName });
  if (format === "json") {
    const json = new TextEncoder().encode(JSON.stringify(personalDataJson(data, at), null, 2));
    return attachmentResponse({ name: `${name}.json`, asciiName: `${asciiName}.json`, type: "application/json; charset=utf-8", data: json });
  }
  return documentResponse({ docx: await renderPersonalDataDocx(personalDataDocument(data, at)), name, asciiName }, format);
}
