"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

const WIDE = "(min-width: 48rem)";

/**
 * The navigation's disclosure (issue #19 item 2). Below 768 px it starts closed — a «Меню» toggle instead of
 * a wall of links before the page — and opens without JavaScript (a native <details>); from 768 px the
 * stylesheet shows its links and hides the toggle (app/globals.css, `.nav-menu`). In the browser it is also
 * opened on a wide screen (for browsers without ::details-content) and closed after a link is followed on a
 * narrow one, where it would otherwise stay open above the new page.
 */
export function NavMenu({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const apply = () => {
      if (ref.current) ref.current.open = wide.matches;
    };
    apply();
    wide.addEventListener("change", apply);
    return () => wide.removeEventListener("change", apply);
  }, [pathname]);
  return (
    <details ref={ref} className="nav-menu">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
