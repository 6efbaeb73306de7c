"use client";

import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The school dashboard's charts (Recharts). Each is decorative for assistive technology: the same data
// is in the table the page renders under it (components/monitoring/school-table.tsx).

const COLORS = { done: "#15803d", open: "#94a3b8", overdue: "#b91c1c", target: "#64748b", actual: "#1d4ed8", count: "#1d4ed8" };

function Frame({ label, height, children }: { label: string; height: number; children: ReactElement }) {
  return (
    <figure className="mb-3">
      <div aria-hidden="true" style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}

/** Horizontal bars: one value per label (counts, or percents with max 100). */
export function SchoolBarChart({ label, data, series, percent = false }: { label: string; data: { label: string; value: number }[]; series: string; percent?: boolean }) {
  const height = Math.max(120, 36 * data.length + 40);
  return (
    <Frame label={label} height={height}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={percent} domain={percent ? [0, 100] : [0, "auto"]} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="value" name={series} fill={COLORS.count} isAnimationActive={false} />
      </BarChart>
    </Frame>
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
    <Frame label={label} height={260}>
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
    </Frame>
  );
}

/** Passport indicators: target against actual, per indicator. */
export function SchoolIndicatorChart({ label, data, names }: { label: string; data: { label: string; target: number | null; actual: number | null }[]; names: { target: string; actual: string } }) {
  const height = Math.max(140, 56 * data.length + 60);
  return (
    <Frame label={label} height={height}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, "auto"]} />
        <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="target" name={names.target} fill={COLORS.target} isAnimationActive={false} />
        <Bar dataKey="actual" name={names.actual} fill={COLORS.actual} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
