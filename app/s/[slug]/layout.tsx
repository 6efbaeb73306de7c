import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LowVisionControls } from "@/components/publication/low-vision-controls";
import { Notice } from "@/components/ui/notice";
import { excerpt, LOW_VISION_COOKIE, parseLowVision, publicPath } from "@/lib/domain/publication";
import { siteOrigin } from "@/lib/publication/origin";
import { visitorSection } from "@/lib/publication/visitor";
import "./low-vision.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const visitor = await visitorSection(slug);
  if (!visitor) return {};
  const t = await getTranslations("publicSection");
  const { school, section } = visitor.head;
  const title = t("metaTitle", { school: school.shortName ?? school.name });
  const description = section.intro?.trim() ? excerpt(section.intro, 200) : t("metaDescription", { school: school.name });
  const origin = await siteOrigin();
  return {
    ...(origin ? { metadataBase: origin } : {}),
    title: { absolute: title },
    description,
    alternates: { canonical: publicPath(school.slug) },
    openGraph: { type: "website", locale: "ru_RU", siteName: school.name, title, description, url: publicPath(school.slug) },
    // A preview of an unpublished section is for the school only.
    ...(visitor.options.preview ? { robots: { index: false, follow: false } } : {}),
  };
}

/** The public «Наставничество» section of a school: no sign-in; 404 unless the school published it. */
export default async function PublicSectionLayout({ children, params }: Params & { children: ReactNode }) {
  const { slug } = await params;
  const visitor = await visitorSection(slug);
  if (!visitor) notFound();
  const { school } = visitor.head;
  const lowVision = parseLowVision((await cookies()).get(LOW_VISION_COOKIE)?.value);
  const t = await getTranslations("publicSection");
  const wrapper = lowVision.on ? `lv lv-${lowVision.theme} lv-size-${lowVision.size}` : "bg-slate-50";
  return (
    <div className={`flex min-h-screen flex-col ${wrapper}`} data-low-vision={lowVision.on ? "on" : "off"}>
      <header className="border-b-4 border-brand-700 bg-white">
        <div className="mx-auto flex max-w-4xl flex-col gap-3 px-4 py-4">
          <LowVisionControls slug={school.slug} lowVision={lowVision} />
          <div className="flex flex-col gap-1">
            <a href={publicPath(school.slug)} className="text-xl font-bold text-brand-900 hover:underline">
              {school.shortName ?? school.name}
            </a>
            {school.shortName ? <p className="text-sm text-slate-700">{school.name}</p> : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-4 px-4 py-6">
        {visitor.options.preview ? <Notice kind="info">{t("preview")}</Notice> : null}
        {children}
      </main>
      <footer className="border-t border-slate-300 bg-white">
        <div className="mx-auto flex max-w-4xl flex-col gap-1 px-4 py-4 text-sm text-slate-700">
          <p>{school.name}</p>
          {school.address ? <p>{school.address}</p> : null}
          <p>{school.kind === "SCHOOL" ? t("footer") : t("officeFooter")}</p>
        </div>
      </footer>
    </div>
  );
}
