import { NextResponse, type NextRequest } from "next/server";
import { applyLowVisionQuery, LOW_VISION_COOKIE, parseLowVision, PUBLIC_SLUG, safeBackPath, serializeLowVision } from "@/lib/domain/publication";

export const dynamic = "force-dynamic";

const YEAR = 365 * 24 * 60 * 60;

// GET /s/[slug]/low-vision?on=1|0&theme=bw|wb&size=1|2|3&back=/s/[slug]/… — switches the version for the
// visually impaired: keeps the choice in a cookie for every public section and goes back to the page, which
// must be inside this school's section (anything else goes to the section's front page).
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!PUBLIC_SLUG.test(slug)) return new Response("Not found", { status: 404 });
  const q = request.nextUrl.searchParams;
  const current = parseLowVision(request.cookies.get(LOW_VISION_COOKIE)?.value);
  const next = applyLowVisionQuery(current, { on: q.get("on"), theme: q.get("theme"), size: q.get("size") });
  // A relative Location: the browser resolves it against this very address, whatever host it came by.
  const response = new NextResponse(null, {
    status: 303,
    headers: { location: safeBackPath(slug, q.get("back")), "cache-control": "no-store", "x-robots-tag": "noindex" },
  });
  const value = serializeLowVision(next);
  if (value) response.cookies.set(LOW_VISION_COOKIE, value, { path: "/s", maxAge: YEAR, sameSite: "lax", httpOnly: true, secure: request.nextUrl.protocol === "https:" });
  else response.cookies.set(LOW_VISION_COOKIE, "", { path: "/s", maxAge: 0, sameSite: "lax", httpOnly: true });
  return response;
}
