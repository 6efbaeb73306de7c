"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The dashboards' charts drawn with Recharts, loaded on demand through the wrappers (school-charts.tsx,
// chart-coverage.tsx, chart-stages.tsx) inside a ChartFrame of the given height. Decorative for assistive
// technology: each page renders the same data as a table.

const COLORS = { done: "#15803d", open: "#94a3b8", overdue: "#b91c1c", target: "#64748b", actual: "#1d4ed8", count: "#1d4ed8", coverage: "#15803d" };

/** Horizontal bars: one value per label (counts, or percents with max 100). */
export function BarsChart({ height, data, series, percent = false }: { height: number; data: { label: string; value: number }[]; series: string; percent?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={percent} domain={percent ? [0, 100] : [0, "auto"]} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="value" name={series} fill={COLORS.count} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Roadmap by stage: done, open in time and overdue activities, stacked. */
export function RoadmapChart({ height, data, names }: { height: number; data: { stage: string; done: number; open: number; overdue: number }[]; names: { done: string; open: string; overdue: string } }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
      <BarChart data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="stage" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="done" stackId="a" name={names.done} fill={COLORS.done} isAnimationActive={false} />
        <Bar dataKey="open" stackId="a" name={names.open} fill={COLORS.open} isAnimationActive={false} />
        <Bar dataKey="overdue" stackId="a" name={names.overdue} fill={COLORS.overdue} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Passport indicators: target against actual, per indicator. */
export function IndicatorChart({ height, data, names }: { height: number; data: { label: string; target: number | null; actual: number | null }[]; names: { target: string; actual: string } }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, "auto"]} />
        <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="target" name={names.target} fill={COLORS.target} isAnimationActive={false} />
        <Bar dataKey="actual" name={names.actual} fill={COLORS.actual} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Mentoring coverage of the district, % (teachers involved, young specialists with a mentor, students). */
export function CoverageChart({ height, series, data }: { height: number; series: string; data: { label: string; value: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit=" %" />
        <YAxis type="category" dataKey="label" width={240} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="value" name={series} fill={COLORS.coverage} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Schools by program stage (the district dashboard). */
export function StagesChart({ height, series, data }: { height: number; series: string; data: { label: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
      <BarChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="count" name={series} fill={COLORS.count} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
