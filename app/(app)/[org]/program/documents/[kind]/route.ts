import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { docxToPdf, libreOffice } from "@/lib/documents/pdf";
import { renderRegulationDocx } from "@/lib/documents/regulation-docx";
import { renderRoadmapDocx } from "@/lib/documents/roadmap-docx";
import { now } from "@/lib/clock";
import { currentAcademicYear } from "@/lib/domain/academic-year";
import { PACK_DOCUMENTS, PACK_KINDS } from "@/lib/domain/stage1-pack";
import { readRouteParams, searchOf, YearParam } from "@/lib/http/params";
import { buildRoadmapDocument, buildRoadmapOrder } from "@/lib/programs/documents";
import { getStage1Document } from "@/lib/programs/queries";
import { fileResponse } from "@/lib/publication/download";

export const dynamic = "force-dynamic";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const SearchInput = z.object({ year: YearParam.optional(), format: z.enum(["docx", "pdf"]).optional() });

/** The document's bytes and name (without extension), or null when there is no program of the year. */
async function render(ctx: Awaited<ReturnType<typeof requireTenant>>, kind: string, year: number, org: string): Promise<{ body: Buffer; name: string } | null> {
  if (kind === "roadmap") {
    const doc = await buildRoadmapDocument(ctx, year);
    return doc ? { body: await renderRoadmapDocx(doc), name: `Дорожная карта ${year}-${year + 1}` } : null;
  }
  if (kind === "roadmap-order") {
    const order = await buildRoadmapOrder(ctx, year);
    return order ? { body: await renderOrderDocx(order), name: `Приказ об утверждении дорожной карты ${year}-${year + 1}` } : null;
  }
  const packKind = PACK_KINDS.find((k) => PACK_DOCUMENTS[k] === kind);
  if (!packKind) notFound();
  const built = await getStage1Document(ctx, year, packKind);
  if (!built) return null;
  // A missing requisite: the pack's page lists what to fill in the profile or the passport, no blank document.
  if (!built.ok) redirect(`/${org}/program/stage1?year=${year}#missing`);
  const body = built.kind === "order" ? await renderOrderDocx(built.doc) : await renderRegulationDocx(built.doc);
  return { body, name: built.fileName };
}

// GET /[org]/program/documents/<kind>?year=2026[&format=pdf]: roadmap, roadmap-order, and the stage-1 pack —
// introduction-order, regulation, curator-order. PDF through LibreOffice headless when installed (README).
export async function GET(request: Request, { params }: { params: Promise<{ org: string; kind: string }> }) {
  const { org, kind } = await params;
  const ctx = await requireTenant(org, "program.view");
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const year = search.data.year ?? currentAcademicYear(ctx.organization.timeZone, now());
  const doc = await render(ctx, kind, year, org);
  if (!doc) notFound();
  if (search.data.format !== "pdf") return fileResponse({ name: `${doc.name}.docx`, type: DOCX, data: doc.body });
  const text = (message: string) => new Response(message, { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  if (!libreOffice()) return text("PDF недоступен: на сервере не установлен LibreOffice. Скачайте документ в формате .docx.");
  const pdf = await docxToPdf(doc.body);
  if (!pdf) return text("PDF не сформирован: LibreOffice не смог преобразовать документ. Скачайте документ в формате .docx.");
  return fileResponse({ name: `${doc.name}.pdf`, type: "application/pdf", data: pdf });
}
