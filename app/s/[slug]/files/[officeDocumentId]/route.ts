import { loadPublishedOfficeDocumentFile } from "@/lib/office-site/public";
import { fileResponse } from "@/lib/publication/download";
import { visitorSection } from "@/lib/publication/visitor";

export const dynamic = "force-dynamic";

// GET /s/[slug]/files/[officeDocumentId] — the file of an office's document published in its public section (the
// municipal regulation, the roadmap…; decision 060); 404 for anything else (a school's slug, a document not marked for
// the site, an unpublished section).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; officeDocumentId: string }> }) {
  const { slug, officeDocumentId } = await params;
  const visitor = await visitorSection(slug);
  return fileResponse(visitor ? await loadPublishedOfficeDocumentFile(slug, officeDocumentId, visitor.options) : null);
}
