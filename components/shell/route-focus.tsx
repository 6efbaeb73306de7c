"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation to another page, moves the focus to the new page's main content, as a
 * full page load would let the skip link do. Without it the focus stays on the link just followed (or, after
 * signing in, nowhere in particular) and a keyboard user must Tab through the whole navigation again.
 * Not on the first load (the skip link comes first then) and not on refreshes of the same page.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById("main");
    if (!main) return;
    if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
    main.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
