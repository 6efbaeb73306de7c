import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/tenant";
import { renderPersonalProgramDocx } from "@/lib/documents/personal-program-docx";
import { DocumentFormatParam, documentResponse } from "@/lib/http/document-response";
import { readRouteParams, searchOf } from "@/lib/http/params";
import { buildPersonalProgramDocument } from "@/lib/pairs/work-queries";
import { russian } from "@/lib/i18n/russian";

export const dynamic = "force-dynamic";

const SearchInput = z.object({ format: DocumentFormatParam });

// GET /[org]/pairs/[pairId]/program/docx[?format=pdf] — the pair's personalized program as a Word document
// (or its PDF), for whoever may see the pair (staff, its mentor and mentees); 404 for anyone else or without
// a program. The path keeps its name «docx» so that links already shared keep working.
export async function GET(request: Request, { params }: { params: Promise<{ org: string; pairId: string }> }) {
  const { org, pairId } = await params;
  const ctx = await requireTenant(org, "organization.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const doc = await buildPersonalProgramDocument(ctx, pairId);
  if (!doc) notFound();
  const surname = doc.mentees[0]?.name.split(" ")[0] ?? "";
  const name = surname ? russian("personalProgramDocx.fileNameOf", { surname }) : russian("personalProgramDocx.fileName");
  return documentResponse({ docx: await renderPersonalProgramDocx(doc), name, asciiName: "personal-program" }, search.data.format);
}
