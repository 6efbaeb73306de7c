import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { pairOrderDocument } from "@/lib/pairs/order-document";

export const dynamic = "force-dynamic";

// GET /[org]/pairs/orders/[orderId] — the order securing the pairs, as .docx.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; orderId: string }> }) {
  const { org, orderId } = await params;
  const ctx = await requireTenant(org, "pairs.view");
  if (!/^[0-9a-f-]{36}$/.test(orderId)) notFound();
  const result = await pairOrderDocument(ctx, orderId);
  if (!result) notFound();
  // The order cites the recorded consents; without one it is not printed, and the answer says whose is missing.
  if (!result.ok) {
    return new Response(`Приказ нельзя сформировать: не записаны согласия, на которые он ссылается — ${result.missing.join("; ")}. Запишите их в разделах «Люди и согласия» и «Наставники».`, {
      status: 409,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const doc = result.document;
  const bytes = await renderOrderDocx(doc);
  const name = `Приказ № ${doc.number} о закреплении наставнических пар.docx`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="pairs-order.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
