import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("pages");
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mb-6">{t("forbiddenText")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("toStart")}
      </Link>
    </main>
  );
}
