"use client";

import type { FormHTMLAttributes } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A form handled in the browser (react-hook-form's onSubmit, or a client function as its action). Its
 * controls are disabled until the form is hydrated, so nothing can be typed or submitted before the
 * handler exists — the state a test waits for (Playwright's fill and click wait for enabled controls).
 * Forms bound to a server action that work without JavaScript (sign-in, invitation) do not use it.
 */
export function ClientForm({ children, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const hydrated = useHydrated();
  return (
    <form {...props} data-hydrated={hydrated ? "" : undefined}>
      <fieldset disabled={!hydrated} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
