import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/format";
import type { CouncilEntry } from "@/lib/office-site/public";

/**
 * The «Совет наставников» block of an office's public section (issue #17 item 5): the district's communities — the
 * council of mentors, the school for young teachers, methodological associations — with their next meetings. The
 * communities are the office's (issue #17 item 2, decision 059): name, kind, area, next meeting — never their members.
 */
export async function DistrictCouncilSlot({ communities }: { communities: CouncilEntry[] }) {
  const t = await getTranslations("officePublic");
  const kinds = await getTranslations("communities.kinds");
  if (communities.length === 0) return <p>{t("councilEmpty")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {communities.map((c) => (
        <li key={`${c.kind}-${c.name}`} className="rounded-md border border-slate-200 p-4">
          <h3 className="text-lg font-semibold">{c.name}</h3>
          <p className="text-slate-700">{c.area ? `${kinds(c.kind)}: ${c.area}` : kinds(c.kind)}</p>
          <p className="text-slate-700">{c.nextMeeting ? t("councilNextMeeting", { date: formatCalendarDate(c.nextMeeting) }) : t("councilNoMeeting")}</p>
        </li>
      ))}
    </ul>
  );
}
