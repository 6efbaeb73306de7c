"use client";

import { useEffect, useRef } from "react";
import { markLetterRead } from "@/lib/letters/actions";

/**
 * Records that the director opened the letter, once it is shown: the page's GET changes nothing, this
 * action does (the first opening only; later ones change nothing). Renders nothing.
 */
export function MarkRead({ org, letterId }: { org: string; letterId: string }) {
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void markLetterRead({ org, letterId });
  }, [org, letterId]);
  return null;
}
