import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { docxToPdf, libreOffice } from "@/lib/documents/pdf";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { incentiveOrder } from "@/lib/incentives/queries";
import { IncentiveOrderSearch } from "@/lib/incentives/schemas";
import { fileResponse } from "@/lib/publication/download";

export const dynamic = "force-dynamic";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const text = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

// GET /[org]/mentors/incentives/order?from=2026-09-01&to=2026-12-31[&format=pdf] — the order «О выплатах
// стимулирующего характера наставникам» for the approved payments of that period, to register and sign.
// 409 naming what is missing while a basis act is gone or not approved; PDF through LibreOffice (README).
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "incentives.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(IncentiveOrderSearch, searchOf(request), request);
  if (!search.ok) return search.response;
  const from = new Date(`${search.data.from}T00:00:00Z`);
  const to = new Date(`${search.data.to}T00:00:00Z`);
  const result = await incentiveOrder(ctx, from, to);
  if (!result.ok) return text(409, `Приказ нельзя сформировать: не хватает — ${result.missing.join("; ")}.`);
  const body = await renderOrderDocx(result.document);
  const name = `Приказ о выплатах стимулирующего характера наставникам ${search.data.from}—${search.data.to}`;
  if (search.data.format !== "pdf") return fileResponse({ name: `${name}.docx`, type: DOCX, data: body });
  if (!libreOffice()) return text(503, "PDF недоступен: на сервере не установлен LibreOffice. Скачайте документ в формате .docx.");
  const pdf = await docxToPdf(body);
  if (!pdf) return text(503, "PDF не сформирован: LibreOffice не смог преобразовать документ. Скачайте документ в формате .docx.");
  return fileResponse({ name: `${name}.pdf`, type: "application/pdf", data: pdf });
}
