import { getTranslations } from "next-intl/server";
import type { Words } from "@/lib/domain/retention";

/** The whole catalog in the request's language, for a rule that names its keys in full (lib/people/leaving-words.ts). */
export async function readerWords(): Promise<Words> {
  const t = await getTranslations();
  return (key, values) => t(key as never, values as never);
}
