"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";
import type { ActionResult } from "@/lib/actions/result";
import { fileTooLarge } from "@/lib/uploads/limits";
import { useIdempotencyKey } from "./use-idempotency-key";

/**
 * The plain-form (FormData) twin of useActionForm, for forms with files or fields named by data
 * (`answers.<id>`): files over `maxBytes` are refused before sending, the fixed fields (org, ids) are added,
 * every submission carries the form's idempotency key (renewed after a success), and the page is refreshed.
 * It submits through `onSubmit`, not a form action: React resets a form after its action runs, which would
 * wipe what the person typed when the server refuses it. The form is cleared after a success unless
 * `reset: false` (a form that stays filled, like a saved draft).
 */
export function useFormDataAction<T>(action: (input: FormData) => Promise<ActionResult<T>>, fields: Record<string, string>, options: { maxBytes?: number; reset?: boolean; onSuccess?: (data: T) => void } = {}) {
  const tErrors = useTranslations("errors");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const idempotency = useIdempotencyKey();
  const submit = (formData: FormData, form?: HTMLFormElement) =>
    startTransition(async () => {
      for (const value of formData.values()) {
        const tooLarge = options.maxBytes && value instanceof File ? fileTooLarge(value, options.maxBytes) : null;
        if (tooLarge) {
          setResult({ ok: false, error: { code: "VALIDATION", message: tErrors(tooLarge.key as "fileTooLarge", tooLarge.values) } });
          return;
        }
      }
      for (const [key, value] of Object.entries(fields)) formData.set(key, value);
      formData.set(IDEMPOTENCY_FIELD, idempotency.current());
      const res = await action(formData);
      setResult(res);
      if (res.ok) {
        idempotency.renew();
        if (options.reset !== false) form?.reset();
        options.onSuccess?.(res.data);
      }
    });
  /** The form's onSubmit: its fields, with the button that sent it (name="intent" value="submit"). */
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    submit(new FormData(form, (event.nativeEvent as SubmitEvent).submitter), form);
  };
  return { onSubmit, pending, result, error: result && !result.ok ? result.error : null };
}
