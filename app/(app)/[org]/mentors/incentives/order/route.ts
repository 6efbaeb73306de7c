import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { textResponse } from "@/lib/http/attachment";
import { DocumentFormatParam, documentResponse } from "@/lib/http/document-response";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { incentiveOrder } from "@/lib/incentives/queries";
import { russian } from "@/lib/i18n/russian";

export const dynamic = "force-dynamic";

/** The order's period in the download address, and its format. */
const IncentiveOrderSearch = z.object({ from: z.iso.date(), to: z.iso.date(), format: DocumentFormatParam });

// GET /[org]/mentors/incentives/order?from=2026-09-01&to=2026-12-31[&format=pdf] — the order «О выплатах
// стимулирующего характера наставникам» for the approved payments of that period, to register and sign.
// 409 naming what is missing while a basis act is gone or not approved; PDF through LibreOffice (decision 026).
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "incentives.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(IncentiveOrderSearch, searchOf(request), request);
  if (!search.ok) return search.response;
  const { from, to, format } = search.data;
  const result = await incentiveOrder(ctx, new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
  // What is missing comes as keys (lib/domain/incentives.ts), worded in the reader's language.
  if (!result.ok) {
    const t = await getTranslations("errors");
    return textResponse(409, t("orderMissing", { missing: result.missing.map((p) => t(p.key, p.values)).join("; ") }));
  }
  const name = russian("incentiveOrder.fileName", { from, to });
  return documentResponse({ docx: await renderOrderDocx(result.document), name, asciiName: `incentives-order-${from}-${to}` }, format);
}
