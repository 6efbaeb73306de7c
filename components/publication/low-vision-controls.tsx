import { getTranslations } from "next-intl/server";
import { LOW_VISION_SIZES, LOW_VISION_THEMES, type LowVision } from "@/lib/domain/publication";
import { LowVisionLinks } from "./low-vision-links";

// The switch to the version for the visually impaired (ГОСТ Р 52872): plain links to a route that sets a
// cookie and comes back to this page, so it works without JavaScript and is kept across pages. The texts
// are rendered here and passed down, so the public section sends the browser no message catalog.
export async function LowVisionControls({ slug, lowVision }: { slug: string; lowVision: LowVision }) {
  const t = await getTranslations("publicSection");
  const labels = {
    on: t("lowVisionOn"),
    off: t("lowVisionOff"),
    settings: t("lowVisionSettings"),
    fontSize: t("fontSize"),
    colors: t("colors"),
    sizes: Object.fromEntries(LOW_VISION_SIZES.map((size) => [size, t(`sizes.${size}`)])) as Record<(typeof LOW_VISION_SIZES)[number], string>,
    themes: Object.fromEntries(LOW_VISION_THEMES.map((theme) => [theme, t(`themes.${theme}`)])) as Record<(typeof LOW_VISION_THEMES)[number], string>,
  };
  return <LowVisionLinks slug={slug} lowVision={lowVision} labels={labels} />;
}
