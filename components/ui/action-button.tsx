"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  confirm?: string;
  done: string;
  variant?: "secondary" | "danger";
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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
            if (res.ok) router.refresh();
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
