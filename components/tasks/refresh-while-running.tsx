"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Reloads the page's data (router.refresh: the server component reads the task again) every ~1.5 s while a task runs,
 * so that its progress moves without a reload; stops once the page says nothing runs.
 */
export function RefreshWhileRunning({ active, everyMs = 1500 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
