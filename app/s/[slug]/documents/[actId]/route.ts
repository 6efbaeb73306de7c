import { fileResponse } from "@/lib/publication/download";
import { loadPublishedActFile } from "@/lib/publication/public";
import { visitorSection } from "@/lib/publication/visitor";

export const dynamic = "force-dynamic";

// GET /s/[slug]/documents/[actId] — the file of a local act published in the school's public section; 404
// for anything else (an act not chosen for the site, not approved, the pairs order, an unpublished section).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; actId: string }> }) {
  const { slug, actId } = await params;
  const visitor = await visitorSection(slug);
  return fileResponse(visitor ? await loadPublishedActFile(slug, actId, visitor.options) : null);
}
