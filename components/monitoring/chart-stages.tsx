"use client";

import dynamic from "next/dynamic";
import { ChartFrame } from "./chart-frame";

// Schools by program stage (the district dashboard). Decorative for assistive technology: the same data is in
// the table the page renders beside it, each count linking to the list of those schools. Recharts loads on
// demand (chart-frame.tsx).

const Stages = dynamic(() => import("./recharts-charts").then((m) => m.StagesChart), { ssr: false });

export function ChartStages({ label, series, data }: { label: string; series: string; data: { label: string; count: number }[] }) {
  return (
    <ChartFrame label={label} height={280}>
      <Stages height={280} series={series} data={data} />
    </ChartFrame>
  );
}
