import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityForm } from "@/components/program/activity-form";
import { ActivityDeleteButton } from "@/components/program/activity-delete-button";
import { ActivityStatusDisclosure } from "@/components/program/activity-status-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { SchoolDeadlines } from "@/components/deadlines/school-deadlines";
import { listSchoolDeadlines } from "@/lib/deadlines/queries";
import { Pager } from "@/components/ui/pager";
import { pageOf } from "@/lib/domain/paging";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { STAGES } from "@/lib/domain/stages";
import { ACTIVITY_STATUSES } from "@/lib/programs/schemas";
import { findProgram, listRoadmap, listStaff } from "@/lib/programs/queries";
import { optionalParam, readPageParams, TextParam, YearParam, type RawParams } from "@/lib/http/params";
import { z } from "zod";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("roadmap");
  return { title: t("title") };
}

const SearchInput = z.object({
  year: optionalParam(YearParam),
  stage: optionalParam(z.string().regex(/^[1-7]$/).transform(Number)),
  status: optionalParam(z.enum(ACTIVITY_STATUSES)),
  responsible: optionalParam(TextParam(100)),
  page: optionalParam(z.string().regex(/^\d{1,4}$/).transform(Number)),
});

/** Activities per page: a school's roadmap has 30–40 (a stage 3–7); each row's status form is built on opening. */
const PAGE_SIZE = 10;

export default async function RoadmapPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "program.view");
  const search = readPageParams(SearchInput, await searchParams);
  const filters = { stage: search.stage, status: search.status, responsible: search.responsible?.trim() || undefined };
  const data = await readPage(ctx, async (read) => {
    const { program } = await findProgram(read, search.year);
    if (!program) return null;
    const [roadmap, staff, deadlines] = await Promise.all([listRoadmap(read, program, filters), listStaff(read), listSchoolDeadlines(read, program.academicYear)]);
    return { program, ...roadmap, staff, deadlines };
  });
  if (!data) redirect(`/${org}/program`);
  const { program, activities, districtDeadlines, staff, deadlines } = data;
  const t = await getTranslations();
  const active = program.status === "ACTIVE";
  const canManage = active && hasPermission(ctx.roles, "program.manage");
  const canProgress = active && hasPermission(ctx.roles, "roadmap.progress");
  const numbers = new Map<string, string>();
  const perStage = new Map<number, number>();
  for (const a of activities) {
    const n = (perStage.get(a.stage) ?? 0) + 1;
    perStage.set(a.stage, n);
    numbers.set(a.id, `${a.stage}.${n}`);
  }
  const shown = pageOf(activities.length, PAGE_SIZE, search.page);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (search.year) query.set("year", String(search.year));
    if (filters.stage) query.set("stage", String(filters.stage));
    if (filters.status) query.set("status", filters.status);
    if (filters.responsible) query.set("responsible", filters.responsible);
    if (page > 1) query.set("page", String(page));
    const q = query.toString();
    return `/${org}/program/roadmap${q ? `?${q}` : ""}#activities-title`;
  };
  const recurrence = (r: string) => (r === "ONCE" ? "" : ` (${t(`roadmap.recurrence.${r}` as "roadmap.recurrence.ONCE")})`);

  return (
    <>
      <PageHeader title={`${t("roadmap.title")}: ${formatAcademicYear(program.academicYear)}`}>
        <p>{t("roadmap.intro")}</p>
        {canManage ? (
          <p>
            <Link href={`/${org}/program/roadmap/import`} className="text-brand-700 underline">
              {t("roadmap.import")}
            </Link>
          </p>
        ) : null}
      </PageHeader>

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
                  {s.number}. {s.title}
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

      {districtDeadlines.length > 0 ? (
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
      ) : null}

      {deadlines.length > 0 ? <SchoolDeadlines org={org} deadlines={deadlines} canMark={active && hasPermission(ctx.roles, "deadlines.complete")} /> : null}

      {canManage ? (
        <Section title={t("roadmap.addTitle")} id="add">
          <ActivityForm org={org} programId={program.id} staff={staff} academicYear={formatAcademicYear(program.academicYear)} />
        </Section>
      ) : null}
    </>
  );
}
