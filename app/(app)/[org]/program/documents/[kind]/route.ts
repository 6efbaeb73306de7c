import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { renderRoadmapDocx } from "@/lib/documents/roadmap-docx";
import { now } from "@/lib/clock";
import { currentAcademicYear } from "@/lib/domain/academic-year";
import { readRouteParams, searchOf, YearParam } from "@/lib/http/params";
import { buildRoadmapDocument, buildRoadmapOrder } from "@/lib/programs/documents";

export const dynamic = "force-dynamic";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const SearchInput = z.object({ year: YearParam.optional() });

// GET /[org]/program/documents/roadmap?year=2026 and …/roadmap-order?year=2026
export async function GET(request: Request, { params }: { params: Promise<{ org: string; kind: string }> }) {
  const { org, kind } = await params;
  const ctx = await requireTenant(org, "program.view");
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const year = search.data.year ?? currentAcademicYear(ctx.organization.timeZone, now());
  let body: Buffer;
  let name: string;
  if (kind === "roadmap") {
    const doc = await buildRoadmapDocument(ctx, year);
    if (!doc) notFound();
    body = await renderRoadmapDocx(doc);
    name = `Дорожная карта ${year}-${year + 1}.docx`;
  } else if (kind === "roadmap-order") {
    const order = await buildRoadmapOrder(ctx, year);
    if (!order) notFound();
    body = await renderOrderDocx(order);
    name = `Приказ об утверждении дорожной карты ${year}-${year + 1}.docx`;
  } else {
    notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": DOCX,
      "content-disposition": `attachment; filename="${encodeURIComponent(name).replace(/%20/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
