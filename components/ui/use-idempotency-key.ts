"use client";

import { useCallback, useRef } from "react";
import { newIdempotencyKey } from "@/lib/actions/idempotency-key";

/**
 * One idempotency key per form instance (decision 015): sent with every submission of the form, so a
 * resubmission after a lost answer or an UNAVAILABLE refusal returns the first result instead of a
 * duplicate; renewed after a successful result, so the next entry is a new one. Made at the first
 * submission (in the browser only: nothing of it is rendered, so server and client HTML agree).
 */
export function useIdempotencyKey(): { current: () => string; renew: () => void } {
  const key = useRef<string | null>(null);
  const current = useCallback(() => (key.current ??= newIdempotencyKey()), []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { current, renew };
}
