import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { mentorAppointmentOrder } from "@/lib/banks/mentor-documents";
import { textResponse } from "@/lib/http/attachment";
import { DocumentFormatParam, documentResponse } from "@/lib/http/document-response";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { russian } from "@/lib/i18n/russian";

export const dynamic = "force-dynamic";

const SearchInput = z.object({ format: DocumentFormatParam });

// GET /[org]/mentors/appointment-order[?format=pdf] — the order «О назначении наставников» (the approved
// mentors with the dates of their written consents to the additional duties), as .docx or PDF to register
// and sign. Without a recorded consent: 409 naming whose is missing.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const result = await mentorAppointmentOrder(ctx);
  if (!result.ok) {
    const te = await getTranslations("errors");
    return textResponse(409, te("orderMissing", { missing: result.missing.map((m) => te(m.key, m.values)).join("; ") }));
  }
  return documentResponse({ docx: await renderOrderDocx(result.document), name: russian("appointmentOrder.fileName"), asciiName: "mentors-order" }, search.data.format);
}
