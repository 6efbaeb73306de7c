import Link from "next/link";
import { type DistrictSummary } from "@/lib/domain/monitoring";
import type { Tr } from "@/lib/monitoring/district-text";
import { formatPercent } from "@/lib/format";

type Figure = { key: string; label: string; value: string; detail: string; href: string; alert?: boolean };

// The dashboard's headline figures; each links to the list behind it.
export function DistrictHeadline({ t, summary, href }: { t: Tr; summary: DistrictSummary; href: (changes: Record<string, string | null>, hash: string) => string }) {
  const figures: Figure[] = [
    {
      key: "schools",
      label: t("headline.schools"),
      value: String(summary.schools),
      detail: t("headline.withProgram", { count: summary.withProgram }),
      href: href({ stage: null, lagging: null, running: null }, "#schools"),
    },
    {
      key: "running",
      label: t("headline.running"),
      value: t("headline.runningValue", { running: summary.running, schools: summary.schools }),
      detail: t("headline.runningTarget", { share: formatPercent(summary.runningShare), target: summary.target }),
      href: href({ running: "yes", lagging: null, stage: null }, "#schools"),
      alert: summary.running < summary.schools,
    },
    {
      key: "pairs",
      label: t("headline.pairs"),
      value: String(summary.pairs.byOrder),
      detail: t("headline.pairsDetail", { active: summary.pairs.active, completed: summary.pairs.completed, dissolved: summary.pairs.dissolved }),
      href: href({}, "#schools"),
    },
    {
      key: "teachers",
      label: t("headline.teachers"),
      value: formatPercent(summary.coverage.teachersInvolved),
      detail: t("headline.teachersDetail", { involved: summary.teachersInvolved, teachers: summary.teachers, young: formatPercent(summary.coverage.youngSpecialistsCovered) }),
      href: href({}, "#coverage"),
    },
    {
      key: "students",
      label: t("headline.students"),
      value: formatPercent(summary.coverage.studentMentees),
      detail: t("headline.studentsDetail", { mentors: formatPercent(summary.coverage.studentMentors), students: summary.students }),
      href: href({}, "#coverage"),
    },
    {
      key: "satisfaction",
      label: t("headline.satisfaction"),
      value: formatPercent(summary.satisfaction.mentee),
      detail: t("headline.satisfactionDetail", { mentee: formatPercent(summary.satisfaction.mentee), mentor: formatPercent(summary.satisfaction.mentor) }),
      href: href({}, "#schools"),
    },
    {
      key: "lagging",
      label: t("headline.lagging"),
      value: String(summary.lagging),
      detail: t("headline.laggingDetail", { schools: summary.schools }),
      href: href({ lagging: "1", running: null, stage: null }, "#schools"),
      alert: summary.lagging > 0,
    },
  ];
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map((f) => (
        <li key={f.key} className={`rounded-lg border p-4 ${f.alert ? "border-amber-600 bg-amber-50" : "border-slate-200 bg-white"}`}>
          <p className="text-sm text-slate-700">{f.label}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900">{f.value}</p>
          <p className="mt-1 text-sm text-slate-700">{f.detail}</p>
          <Link href={f.href} className="mt-2 inline-block text-sm text-brand-700 underline">
            {t("headline.showList")}
            <span className="sr-only">: {f.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
