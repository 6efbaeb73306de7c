"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { ClientForm } from "./client-form";
import { useFormDataAction } from "./use-form-data-action";

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
  const { onSubmit, pending, result } = useFormDataAction(action, fields, { maxBytes });
  return (
    <ClientForm
      className="flex flex-col gap-1"
      onSubmit={onSubmit}
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
