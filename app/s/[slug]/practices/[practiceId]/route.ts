import { fileResponse } from "@/lib/publication/download";
import { loadPublishedPracticeFile } from "@/lib/publication/public";
import { visitorSection } from "@/lib/publication/visitor";

export const dynamic = "force-dynamic";

// GET /s/[slug]/practices/[practiceId] — the file of a best practice the school published on its site; 404
// otherwise (not marked for the site, another school's case, an unpublished section).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; practiceId: string }> }) {
  const { slug, practiceId } = await params;
  const visitor = await visitorSection(slug);
  return fileResponse(visitor ? await loadPublishedPracticeFile(slug, practiceId, visitor.options) : null);
}
