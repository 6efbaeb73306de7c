import { notFound } from "next/navigation";
import { z } from "zod";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { IdParam, readRouteParams, searchOf } from "@/lib/http/params";
import { now } from "@/lib/clock";
import { isoDate } from "@/lib/domain/local-date";
import { renderPersonalDataDocx } from "@/lib/documents/personal-data-docx";
import { personalDataDocument, personalDataJson } from "@/lib/people/personal-data";
import { exportPersonalData } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

const ParamsInput = z.object({ personId: IdParam, format: z.enum(["json", "docx"]).default("json") });

// GET /[org]/people/[personId]/export?format=json|docx — everything kept about the person, for their
// request (152-ФЗ, art. 14). The export itself is recorded in the audit log.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; personId: string }> }) {
  const { org, personId } = await params;
  const ctx = await requireTenant(org, "people.manage");
  const parsed = readRouteParams(ParamsInput, { ...searchOf(request), personId }, request);
  if (!parsed.ok) return parsed.response;
  const { format } = parsed.data;
  const data = await exportPersonalData(ctx, personId, format);
  if (!data) notFound();
  const at = now();
  const base = `personal-data-${isoDate(organizationToday(ctx, at))}`;
  const name = `Персональные данные — ${data.lastName} ${data.firstName}`;
  const headers = (type: string, ext: string) => ({
    "content-type": type,
    "content-disposition": `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`,
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  });
  if (format === "docx") {
    const bytes = await renderPersonalDataDocx(personalDataDocument(data, at));
    return new Response(new Uint8Array(bytes), { headers: headers("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx") });
  }
  return new Response(JSON.stringify(personalDataJson(data, at), null, 2), { headers: headers("application/json; charset=utf-8", "json") });
}
