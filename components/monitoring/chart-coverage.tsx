"use client";

import dynamic from "next/dynamic";
import { ChartFrame } from "./chart-frame";

// Mentoring coverage of the district, % (teachers involved, young specialists with a mentor, students as
// mentees and mentors). Decorative for assistive technology: the page renders the same figures as a table.
// Recharts loads on demand (chart-frame.tsx).

const Coverage = dynamic(() => import("./recharts-charts").then((m) => m.CoverageChart), { ssr: false });

export function ChartCoverage({ label, series, data }: { label: string; series: string; data: { label: string; value: number }[] }) {
  const height = Math.max(140, 44 * data.length + 40);
  return (
    <ChartFrame label={label} height={height}>
      <Coverage height={height} series={series} data={data} />
    </ChartFrame>
  );
}
