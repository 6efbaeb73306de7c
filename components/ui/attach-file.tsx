"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";
import type { ActionResult } from "@/lib/actions/result";
import { fileTooLarge } from "@/lib/uploads/limits";
import { ClientForm } from "./client-form";
import { useIdempotencyKey } from "./use-idempotency-key";

/**
 * Uploads one file (FormData straight to the server action, which validates type and size). A file over
 * `maxBytes` (the action's own limit, lib/uploads/limits.ts) is refused here, before anything is sent.
 */
export function AttachFile({
  action,
  fields,
  label,
  submitLabel,
  doneText,
  accept,
  maxBytes,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  fields: Record<string, string>;
  label: string;
  submitLabel: string;
  doneText: string;
  accept: string;
  maxBytes: number;
}) {
  const id = useId();
  const router = useRouter();
  const tErrors = useTranslations("errors");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const idempotency = useIdempotencyKey();
  return (
    <ClientForm
      className="flex flex-col gap-1"
      action={(formData) =>
        startTransition(async () => {
          const file = formData.get("file");
          const tooLarge = file instanceof File ? fileTooLarge(file, maxBytes) : null;
          if (tooLarge) {
            setResult({ ok: false, error: { code: "VALIDATION", message: tErrors(tooLarge.key as "fileTooLarge", tooLarge.values) } });
            return;
          }
          for (const [key, value] of Object.entries(fields)) formData.set(key, value);
          formData.set(IDEMPOTENCY_FIELD, idempotency.current());
          const res = await action(formData);
          setResult(res);
          if (res.ok) {
            idempotency.renew();
            router.refresh();
          }
        })
      }
    >
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <input id={id} name="file" type="file" accept={accept} className="max-w-56 text-sm" />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
      {result && !result.ok ? (
        <span role="alert" className="text-sm text-red-800">
          {result.error.fieldErrors?.file?.[0] ?? result.error.message}
        </span>
      ) : null}
      {result?.ok ? (
        <span role="status" className="text-sm text-green-800">
          {doneText}
        </span>
      ) : null}
    </ClientForm>
  );
}
