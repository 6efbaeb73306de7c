"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Schools by program stage (the district dashboard). Decorative for assistive technology: the same data is in
// the table the page renders beside it, each count linking to the list of those schools.

export function ChartStages({ label, series, data }: { label: string; series: string; data: { label: string; count: number }[] }) {
  return (
    <figure className="mb-3">
      <div aria-hidden="true" style={{ width: "100%", height: 280 }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 280 }}>
          <BarChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={series} fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
