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

// GET /[org]/cross-pairs/[crossPairId]/program/docx[?format=pdf] — a cross-school pair's personalized program as the
// school pair's document (decision 062), for its owner, the mentee's school (staff, the mentee); 404 for anyone else,
// the mentor's school included (the document names the mentee's difficulties; that school reads the plan on its page).
export async function GET(request: Request, { params }: { params: Promise<{ org: string; crossPairId: string }> }) {
  const { org, crossPairId } = await params;
  const ctx = await requireTenant(org, "crossPairs.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const search = readRouteParams(SearchInput, searchOf(request), request);
  if (!search.ok) return search.response;
  const doc = await buildPersonalProgramDocument(ctx, crossPairId);
  if (!doc) notFound();
  const surname = doc.mentees[0]?.name.split(" ")[0] ?? "";
  const name = surname ? russian("personalProgramDocx.fileNameOf", { surname }) : russian("personalProgramDocx.fileName");
  return documentResponse({ docx: await renderPersonalProgramDocx(doc), name, asciiName: "personal-program" }, search.data.format);
}
