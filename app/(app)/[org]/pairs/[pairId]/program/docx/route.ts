import { notFound } from "next/navigation";
import { requireTenant } from "@/lib/auth/tenant";
import { renderPersonalProgramDocx } from "@/lib/documents/personal-program-docx";
import { buildPersonalProgramDocument } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// GET /[org]/pairs/[pairId]/program/docx — the pair's personalized program as a Word document, for
// whoever may see the pair (staff, its mentor and mentees); 404 for anyone else or without a program.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; pairId: string }> }) {
  const { org, pairId } = await params;
  const ctx = await requireTenant(org, "organization.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const doc = await buildPersonalProgramDocument(ctx, pairId);
  if (!doc) notFound();
  const body = await renderPersonalProgramDocx(doc);
  const surname = doc.mentees[0]?.name.split(" ")[0] ?? "";
  const name = `Персонализированная программа наставничества${surname ? ` — ${surname}` : ""}.docx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": DOCX,
      "content-disposition": `attachment; filename="personal-program.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
