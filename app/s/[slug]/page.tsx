import { notFound } from "next/navigation";
import { OfficeSection } from "@/components/publication/office-section";
import { SchoolSection } from "@/components/publication/school-section";
import { loadOfficePublicSection } from "@/lib/office-site/public";
import { loadPublicSection } from "@/lib/publication/public";
import { visitorSection } from "@/lib/publication/visitor";

export const dynamic = "force-dynamic";

/** The «Наставничество» section (seed 002 §6.1.2): a school's or an office's, both in one public-section layout. */
export default async function PublicSectionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const visitor = await visitorSection(slug);
  if (!visitor) notFound();
  if (visitor.head.school.kind !== "SCHOOL") {
    // An office's section (decision 060): its documents, council, news, its schools' practices and sections.
    const office = await loadOfficePublicSection(slug, visitor.options);
    if (!office) notFound();
    return <OfficeSection data={office} />;
  }
  const data = await loadPublicSection(slug, visitor.options);
  if (!data) notFound();
  return <SchoolSection data={data} />;
}
