"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The box of a dashboard chart: a figure of the chart's height with its caption for screen readers. The
 * chart itself (Recharts, the heaviest code of the app) is decorative — the page renders the same figures
 * as a table — so it is drawn only once the page has loaded and the box is near the viewport: its code is
 * a separate chunk (next/dynamic) fetched then, never part of a page's first load (docs/decisions/014).
 */
export function ChartFrame({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let observer: IntersectionObserver | undefined;
    const watch = () => {
      if (typeof IntersectionObserver === "undefined") return setShown(true);
      observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setShown(true);
          observer?.disconnect();
        }
      }, { rootMargin: "200px" });
      observer.observe(element);
    };
    if (document.readyState === "complete") watch();
    else window.addEventListener("load", watch, { once: true });
    return () => {
      window.removeEventListener("load", watch);
      observer?.disconnect();
    };
  }, []);
  return (
    <figure className="mb-3">
      <div ref={box} aria-hidden="true" style={{ width: "100%", height }} data-chart={shown ? "shown" : "pending"}>
        {shown ? children : null}
      </div>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
