import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderOrderDocx } from "@/lib/documents/order-docx";
import { renderRegulationDocx } from "@/lib/documents/regulation-docx";
import { renderRoadmapDocx } from "@/lib/documents/roadmap-docx";
import { now } from "@/lib/clock";
import { currentAcademicYear } from "@/lib/domain/academic-year";
import { PACK_DOCUMENTS, PACK_KINDS } from "@/lib/domain/stage1-pack";
import { readRouteParams, searchOf, YearParam } from "@/lib/http/params";
import { buildRoadmapDocument, buildRoadmapOrder } from "@/lib/programs/documents";
import { getStage1Document } from "@/lib/programs/queries";
import { russianIn } from "@/lib/i18n/russian";
import { DocumentFormatParam, documentResponse, type GeneratedDocument } from "@/lib/http/document-response";

export const dynamic = "force-dynamic";

const say = russianIn("programDocuments");

const SearchInput = z.object({ year: YearParam.optional(), format: DocumentFormatParam });

/** The document, or null when there is no program of the year. */
async function render(ctx: Awaited<ReturnType<typeof requireTenant>>, kind: string, year: number, org: string): Promise<GeneratedDocument | null> {
  const years = `${year}-${year + 1}`;
  if (kind === "roadmap") {
    const doc = await buildRoadmapDocument(ctx, year);
    return doc ? { docx: await renderRoadmapDocx(doc), name: say("roadmapFileName", { years }), asciiName: `roadmap-${years}` } : null;
  }
  if (kind === "roadmap-order") {
    const order = await buildRoadmapOrder(ctx, year);
    return order ? { docx: await renderOrderDocx(order), name: say("order.fileName", { years }), asciiName: `roadmap-order-${years}` } : null;
  }
  const packKind = PACK_KINDS.find((k) => PACK_DOCUMENTS[k] === kind);
  if (!packKind) notFound();
  const built = await getStage1Document(ctx, year, packKind);
  if (!built) return null;
  // A missing requisite: the pack's page lists what to fill in the profile or the passport, no blank document.
  if (!built.ok) redirect(`/${org}/program/stage1?year=${year}#missing`);
  const docx = built.kind === "order" ? await renderOrderDocx(built.doc) : await renderRegulationDocx(built.doc);
  return { docx, name: built.fileName, asciiName: `${kind}-${years}` };
}

// GET /[org]/program/documents/<kind>?year=2026[&format=pdf]: roadmap, roadmap-order, and the stage-1 pack —
// introduction-order, regulation, curator-order — as .docx or PDF (lib/http/document-response.ts).
export async function GET(request: Request, { params }: { params: Promise<{ org: string; kind: string }> }) {
  const { org, kind } = await params;
  const ctx = await requireTenant(org, "program.view");
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const year = search.data.year ?? currentAcademicYear(ctx.organization.timeZone, now());
  const doc = await render(ctx, kind, year, org);
  if (!doc) notFound();
  return documentResponse(doc, search.data.format);
}
