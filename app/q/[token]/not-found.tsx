import { getTranslations } from "next-intl/server";

export default async function SurveyLinkNotFound() {
  const t = await getTranslations("surveys");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("linkUnknownTitle")}</h1>
      <p>{t("linkUnknownText")}</p>
    </div>
  );
}
