import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { textResponse } from "@/lib/http/attachment";
import { DocumentFormatParam, documentResponse } from "@/lib/http/document-response";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { pairOrderDocument } from "@/lib/pairs/order-document";
import { russian } from "@/lib/i18n/russian";

export const dynamic = "force-dynamic";

const SearchInput = z.object({ format: DocumentFormatParam });

// GET /[org]/pairs/orders/[orderId][?format=pdf] — the order securing the pairs, as .docx or PDF.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; orderId: string }> }) {
  const { org, orderId } = await params;
  const ctx = await requireTenant(org, "pairs.view");
  if (!/^[0-9a-f-]{36}$/.test(orderId)) notFound();
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const result = await pairOrderDocument(ctx, orderId);
  if (!result) notFound();
  // The order cites the recorded consents; without one it is not printed, and the answer says whose is missing.
  if (!result.ok) {
    // The missing consents are named in the words of the order (Russian): the order is a Russian document.
    const t = await getTranslations("pairs");
    return textResponse(409, t("orderMissingConsents", { missing: result.missing.join("; ") }));
  }
  const doc = result.document;
  return documentResponse({ docx: await renderOrderDocx(doc), name: russian("pairsOrder.fileName", { number: doc.number ?? "" }), asciiName: "pairs-order" }, search.data.format);
}
