import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { mentorAppointmentOrder } from "@/lib/banks/mentor-documents";

export const dynamic = "force-dynamic";

// GET /[org]/mentors/appointment-order — the order «О назначении наставников» (the approved mentors with
// the dates of their written consents to the additional duties), as .docx to register and sign. Without a
// recorded consent: 409 naming whose is missing.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const result = await mentorAppointmentOrder(ctx);
  if (!result.ok) {
    return new Response(`Приказ нельзя сформировать: не хватает — ${result.missing.join("; ")}.`, {
      status: 409,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const bytes = await renderOrderDocx(result.document);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="mentors-order.docx"; filename*=UTF-8''${encodeURIComponent("Приказ о назначении наставников.docx")}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
