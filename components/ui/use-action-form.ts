"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";
import type { ActionResult } from "@/lib/actions/result";
import { useIdempotencyKey } from "./use-idempotency-key";

/**
 * The one client-side form pattern: react-hook-form with the action's own zod schema, then the server
 * action (which validates again). Field errors come from either side, already in the user's language.
 * Every submission carries the form's idempotency key (renewed after a success): an action defined with
 * `idempotent: true` returns the first result to a resubmission instead of creating a duplicate.
 * The page's new data comes with the action's answer (the wrapper's `refreshPageOf`): no refresh from here.
 */
export function useActionForm<V extends FieldValues, T = unknown>(
  schema: z.ZodType,
  action: (input: V) => Promise<ActionResult<T>>,
  defaultValues: DefaultValues<V>,
  options: { onSuccess?: (data: T, values: V) => void } = {},
) {
  const t = useTranslations("errors");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const idempotency = useIdempotencyKey();
  const form = useForm<V>({ resolver: zodResolver(schema as never) as unknown as Resolver<V>, defaultValues });

  const fieldError = (name: Path<V>): string | undefined => {
    const key = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    if (typeof key === "string" && key) return t.has(key as never) ? t(key as never) : t("validation");
    return result && !result.ok ? result.error.fieldErrors?.[name as string]?.[0] : undefined;
  };

  // The resolver only checks; the action gets the raw input (its schema transforms on the server).
  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const values = form.getValues();
      const res = await action({ ...values, [IDEMPOTENCY_FIELD]: idempotency.current() });
      setResult(res);
      if (res.ok) {
        idempotency.renew();
        options.onSuccess?.(res.data, values);
      }
    }),
  );

  return { form, onSubmit, pending, result, fieldError };
}
