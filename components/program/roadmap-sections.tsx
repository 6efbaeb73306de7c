import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActivityDeleteButton } from "@/components/program/activity-delete-button";
import { ActivityStatusDisclosure } from "@/components/program/activity-status-form";
import { Section } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td } from "@/components/ui/table";
import { pageOf } from "@/lib/domain/paging";
import { STAGES } from "@/lib/domain/stages";
import type { listRoadmap, RoadmapFilters } from "@/lib/programs/queries";
import { ACTIVITY_STATUSES } from "@/lib/programs/schemas";

// The sections of the roadmap page (app/(app)/[org]/program/roadmap/page.tsx), which reads the roadmap once.

type Roadmap = Awaited<ReturnType<typeof listRoadmap>>;

/** Activities per page: a school's roadmap has 30–40 (a stage 3–7); each row's status form is built on opening. */
const PAGE_SIZE = 10;

/** The filters by stage, status and responsible person: a plain GET form, it works without JavaScript. */
export async function RoadmapFiltersSection({ org, filters }: { org: string; filters: RoadmapFilters }) {
  const t = await getTranslations();
  return (
    <Section title={t("roadmap.filters")} id="filters">
      <form method="get" className="flex flex-wrap items-end gap-4">
        <div className="field">
          <label htmlFor="f-stage">
            {t("roadmap.stage")}
          </label>
          <select id="f-stage" name="stage" defaultValue={filters.stage ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2">
            <option value="">{t("roadmap.allStages")}</option>
            {STAGES.map((s) => (
              <option key={s.number} value={s.number}>
                {s.number}. {t(`stages.title${s.number}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">
            {t("roadmap.status")}
          </label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2">
            <option value="">{t("roadmap.allStatuses")}</option>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`roadmap.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-responsible">
            {t("roadmap.responsible")}
          </label>
          <input id="f-responsible" name="responsible" defaultValue={filters.responsible ?? ""} className="rounded-md border border-slate-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
          {t("roadmap.apply")}
        </button>
        <Link href={`/${org}/program/roadmap`} className="py-2 text-sm text-brand-700 underline">
          {t("roadmap.reset")}
        </Link>
      </form>
    </Section>
  );
}

/** The roadmap's activities a page at a time, numbered within their stage, with their status forms and controls. */
export async function RoadmapActivitiesSection({
  org,
  activities,
  filters,
  year,
  page,
  canManage,
  canProgress,
}: {
  org: string;
  activities: Roadmap["activities"];
  filters: RoadmapFilters;
  year: number | undefined;
  page: number | undefined;
  canManage: boolean;
  canProgress: boolean;
}) {
  const t = await getTranslations();
  const numbers = new Map<string, string>();
  const perStage = new Map<number, number>();
  for (const a of activities) {
    const n = (perStage.get(a.stage) ?? 0) + 1;
    perStage.set(a.stage, n);
    numbers.set(a.id, `${a.stage}.${n}`);
  }
  const shown = pageOf(activities.length, PAGE_SIZE, page);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (year) query.set("year", String(year));
    if (filters.stage) query.set("stage", String(filters.stage));
    if (filters.status) query.set("status", filters.status);
    if (filters.responsible) query.set("responsible", filters.responsible);
    if (page > 1) query.set("page", String(page));
    const q = query.toString();
    return `/${org}/program/roadmap${q ? `?${q}` : ""}#activities-title`;
  };
  const recurrence = (r: string) => (r === "ONCE" ? "" : ` (${t(`roadmap.recurrence.${r}` as "roadmap.recurrence.ONCE")})`);
  return (
    <Section title={t("roadmap.caption")} id="activities">
      {activities.length === 0 ? (
        <p>{t("roadmap.empty")}</p>
      ) : (
        <Table
          caption={t("roadmap.caption")}
          head={[t("roadmap.number"), t("roadmap.activity"), t("roadmap.due"), t("roadmap.responsible"), t("roadmap.result"), t("roadmap.status"), ...(canManage ? [t("roadmap.actions")] : [])]}
        >
          {activities.slice(shown.from, shown.to).map((a) => (
            <tr key={a.id} {...(a.overdue ? { className: "bg-red-50", "data-overdue": true } : {})}>
              <Td>{numbers.get(a.id)}</Td>
              <Td className="min-w-64 lg:min-w-72">
                <p>{a.title}</p>
                {a.content ? <p className="text-sm text-slate-700">{a.content}</p> : null}
              </Td>
              <Td className="min-w-28">
                {a.dueText}
                {recurrence(a.recurrence)}
                {a.overdue ? <span className="mt-1 block text-sm font-semibold text-red-800">{t("roadmap.overdue")}</span> : null}
              </Td>
              <Td>{[a.responsibleUser?.name, a.responsibleText].filter(Boolean).join(", ")}</Td>
              <Td>{a.expectedResult ?? ""}</Td>
              <Td>
                <p className={a.status === "DONE" ? "font-medium text-green-800" : undefined}>{t(`roadmap.statuses.${a.status}`)}</p>
                {a.evidence ? <p className="text-xs text-slate-700">{a.evidence}</p> : null}
                {canProgress ? <ActivityStatusDisclosure org={org} activityId={a.id} status={a.status} evidence={a.evidence} number={numbers.get(a.id)!} /> : null}
              </Td>
              {canManage ? (
                <Td>
                  <div className="flex flex-col gap-2">
                    <Link href={`/${org}/program/roadmap/${a.id}`} className="link text-sm">
                      {t("roadmap.edit")}
                    </Link>
                    <ActivityDeleteButton org={org} activityId={a.id} title={a.title} />
                  </div>
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
      <Pager {...shown} total={activities.length} href={pageHref} />
    </Section>
  );
}

/** The office's deadlines for the schools' roadmaps. */
export async function RoadmapDistrictSection({ districtDeadlines }: { districtDeadlines: Roadmap["districtDeadlines"] }) {
  const t = await getTranslations();
  return (
    <Section title={t("roadmap.districtTitle")} id="district">
      <p className="mb-3 text-slate-700">{t("roadmap.districtIntro")}</p>
      <Table caption={t("roadmap.districtCaption")} head={[t("roadmap.stage"), t("roadmap.activity"), t("roadmap.due"), t("roadmap.responsible")]}>
        {districtDeadlines.map((d) => (
          <tr key={d.id} className={d.overdue ? "bg-red-50" : undefined}>
            <Td>{d.stage}</Td>
            <Td>{d.title}</Td>
            <Td>
              {d.dueText}
              {d.overdue ? <span className="block text-sm font-semibold text-red-800">{t("roadmap.overdue")}</span> : null}
            </Td>
            <Td>{d.responsibleText ?? ""}</Td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
