"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { LOW_VISION_SIZES, LOW_VISION_THEMES, lowVisionHref, safeBackPath, type LowVision } from "@/lib/domain/publication";

// The switch to the version for the visually impaired (ГОСТ Р 52872): plain links to a route that sets a
// cookie and comes back to this page, so it works without JavaScript and is kept across pages.
export function LowVisionControls({ slug, lowVision }: { slug: string; lowVision: LowVision }) {
  const t = useTranslations("publicSection");
  const back = safeBackPath(slug, usePathname());
  const link = "underline underline-offset-2 hover:no-underline";
  if (!lowVision.on) {
    return (
      <a href={lowVisionHref(slug, { on: 1 }, back)} className={`inline-flex items-center gap-2 self-start text-base font-medium text-brand-800 ${link}`}>
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
          <circle cx="12" cy="12" r="3" />
        </svg>
        {t("lowVisionOn")}
      </a>
    );
  }
  return (
    <nav aria-label={t("lowVisionSettings")} className="flex flex-wrap items-center gap-x-6 gap-y-2 text-base">
      <div className="flex flex-wrap items-center gap-3">
        <span>{t("fontSize")}</span>
        {LOW_VISION_SIZES.map((size) => (
          <a key={size} href={lowVisionHref(slug, { size }, back)} aria-current={lowVision.size === size ? "true" : undefined} className={`${link} aria-[current=true]:font-bold aria-[current=true]:no-underline`}>
            {t(`sizes.${size}`)}
          </a>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <span>{t("colors")}</span>
        {LOW_VISION_THEMES.map((theme) => (
          <a key={theme} href={lowVisionHref(slug, { theme }, back)} aria-current={lowVision.theme === theme ? "true" : undefined} className={`${link} aria-[current=true]:font-bold aria-[current=true]:no-underline`}>
            {t(`themes.${theme}`)}
          </a>
        ))}
      </div>
      <a href={lowVisionHref(slug, { on: 0 }, back)} className={`font-bold ${link}`}>
        {t("lowVisionOff")}
      </a>
    </nav>
  );
}
