"use client";

import dynamic from "next/dynamic";
import { ChartFrame } from "./chart-frame";

// The school dashboard's charts. Each is decorative for assistive technology: the same data is in the
// table the page renders under it (components/monitoring/school-table.tsx). Recharts loads on demand
// (chart-frame.tsx): the frame and its caption are rendered with the page, the drawing after it.

const Bars = dynamic(() => import("./recharts-charts").then((m) => m.BarsChart), { ssr: false });
const Roadmap = dynamic(() => import("./recharts-charts").then((m) => m.RoadmapChart), { ssr: false });
const Indicators = dynamic(() => import("./recharts-charts").then((m) => m.IndicatorChart), { ssr: false });

/** Horizontal bars: one value per label (counts, or percents with max 100). */
export function SchoolBarChart({ label, data, series, percent = false }: { label: string; data: { label: string; value: number }[]; series: string; percent?: boolean }) {
  const height = Math.max(120, 36 * data.length + 40);
  return (
    <ChartFrame label={label} height={height}>
      <Bars height={height} data={data} series={series} percent={percent} />
    </ChartFrame>
  );
}

/** Roadmap by stage: done, open in time and overdue activities, stacked. */
export function SchoolRoadmapChart({
  label,
  data,
  names,
}: {
  label: string;
  data: { stage: string; done: number; open: number; overdue: number }[];
  names: { done: string; open: string; overdue: string };
}) {
  return (
    <ChartFrame label={label} height={260}>
      <Roadmap height={260} data={data} names={names} />
    </ChartFrame>
  );
}

/** Passport indicators: target against actual, per indicator. */
export function SchoolIndicatorChart({ label, data, names }: { label: string; data: { label: string; target: number | null; actual: number | null }[]; names: { target: string; actual: string } }) {
  const height = Math.max(140, 56 * data.length + 60);
  return (
    <ChartFrame label={label} height={height}>
      <Indicators height={height} data={data} names={names} />
    </ChartFrame>
  );
}
