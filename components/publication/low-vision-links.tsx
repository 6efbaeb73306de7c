"use client";

import { usePathname } from "next/navigation";
import { LOW_VISION_SIZES, LOW_VISION_THEMES, lowVisionHref, safeBackPath, type LowVision } from "@/lib/domain/publication";

export type LowVisionLabels = {
  on: string;
  off: string;
  settings: string;
  fontSize: string;
  colors: string;
  sizes: Record<(typeof LOW_VISION_SIZES)[number], string>;
  themes: Record<(typeof LOW_VISION_THEMES)[number], string>;
};

// The links of LowVisionControls (low-vision-controls.tsx): in the browser only to know the page to come back to.
export function LowVisionLinks({ slug, lowVision, labels }: { slug: string; lowVision: LowVision; labels: LowVisionLabels }) {
  const back = safeBackPath(slug, usePathname());
  const link = "underline underline-offset-2 hover:no-underline";
  if (!lowVision.on) {
    return (
      <a href={lowVisionHref(slug, { on: 1 }, back)} className={`inline-flex items-center gap-2 self-start text-base font-medium text-brand-800 ${link}`}>
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
          <circle cx="12" cy="12" r="3" />
        </svg>
        {labels.on}
      </a>
    );
  }
  return (
    <nav aria-label={labels.settings} className="flex flex-wrap items-center gap-x-6 gap-y-2 text-base">
      <div className="flex flex-wrap items-center gap-3">
        <span>{labels.fontSize}</span>
        {LOW_VISION_SIZES.map((size) => (
          <a key={size} href={lowVisionHref(slug, { size }, back)} aria-current={lowVision.size === size ? "true" : undefined} className={`${link} aria-[current=true]:font-bold aria-[current=true]:no-underline`}>
            {labels.sizes[size]}
          </a>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <span>{labels.colors}</span>
        {LOW_VISION_THEMES.map((theme) => (
          <a key={theme} href={lowVisionHref(slug, { theme }, back)} aria-current={lowVision.theme === theme ? "true" : undefined} className={`${link} aria-[current=true]:font-bold aria-[current=true]:no-underline`}>
            {labels.themes[theme]}
          </a>
        ))}
      </div>
      <a href={lowVisionHref(slug, { on: 0 }, back)} className={`font-bold ${link}`}>
        {labels.off}
      </a>
    </nav>
  );
}
