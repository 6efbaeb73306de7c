"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

/** A button that runs one server action with fixed input, asks first if told to, and reports the outcome. */
export function ActionButton<I>({
  action,
  input,
  label,
  confirm,
  done,
  variant = "secondary",
  gone = false,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  confirm?: string;
  done: string;
  variant?: "secondary" | "danger";
  /**
   * The action is done and the button no longer applies (the page says so after its refresh). Keep the
   * component mounted with gone=true instead of dropping it: the confirmation stays and takes the focus
   * the vanished button had, rather than leaving it nowhere.
   */
  gone?: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const confirmation = useRef<HTMLSpanElement>(null);
  const replaced = gone && message?.ok === true;
  useEffect(() => {
    if (replaced) confirmation.current?.focus();
  }, [replaced]);
  if (gone) {
    return replaced ? (
      <span ref={confirmation} tabIndex={-1} role="status" className="text-sm text-green-800">
        {message.text}
      </span>
    ) : null;
  }
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            const res = await action(input);
            setMessage(res.ok ? { ok: true, text: done } : { ok: false, text: res.error.message });
          });
        }}
      >
        {label}
      </Button>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
