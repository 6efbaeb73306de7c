import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";

type Award = { id: string; kind: "LETTER_OF_THANKS" | "CERTIFICATE" | "BADGE" | "OTHER"; title: string | null; awardedOn: Date; basis: string; office: { name: string; shortName: string | null } };

/** A mentor's district awards on the school's bank row (decision 060), marked as the office's. */
export async function MentorDistrictAwards({ awards }: { awards: Award[] }) {
  if (awards.length === 0) return null;
  const t = await getTranslations("districtAwards");
  const tv = await getTranslations("vocabulary");
  return (
    <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-700" data-testid="district-awards">
      {awards.map((a) => (
        <li key={a.id}>
          <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("badge")}</span>
          {t("bankLine", { award: a.kind === "OTHER" && a.title ? a.title : tv(`districtAwardKind.${a.kind}`), office: a.office.shortName ?? a.office.name, date: formatDate(a.awardedOn), basis: a.basis })}
        </li>
      ))}
    </ul>
  );
}
