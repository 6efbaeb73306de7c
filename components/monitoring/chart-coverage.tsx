"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Mentoring coverage of the district, % (teachers involved, young specialists with a mentor, students as
// mentees and mentors). Decorative for assistive technology: the page renders the same figures as a table.

export function ChartCoverage({ label, series, data }: { label: string; series: string; data: { label: string; value: number }[] }) {
  const height = Math.max(140, 44 * data.length + 40);
  return (
    <figure className="mb-3">
      <div aria-hidden="true" style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit=" %" />
            <YAxis type="category" dataKey="label" width={240} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="value" name={series} fill="#15803d" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
