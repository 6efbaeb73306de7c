"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/idempotency-key";
import type { ActionResult } from "@/lib/actions/result";
import { markDeadlineDone } from "@/lib/deadlines/actions";
import { fileTooLarge } from "@/lib/uploads/limits";
import { useIdempotencyKey } from "@/components/ui/use-idempotency-key";

/** The school marks a district deadline done with its evidence: a comment, a link or a file (FormData to the action). */
export function MarkDoneForm({ org, deadlineId, title, accept, maxBytes, maxMb }: { org: string; deadlineId: string; title: string; accept: string; maxBytes: number; maxMb: number }) {
  const t = useTranslations("deadlines");
  const tErrors = useTranslations("errors");
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const idempotency = useIdempotencyKey();
  const error = result && !result.ok ? result.error : null;
  return (
    <ClientForm
      className="flex flex-col gap-2"
      aria-label={`${t("markTitle")}: ${title}`}
      action={(formData) =>
        startTransition(async () => {
          const file = formData.get("file");
          const tooLarge = file instanceof File ? fileTooLarge(file, maxBytes) : null;
          if (tooLarge) {
            setResult({ ok: false, error: { code: "VALIDATION", message: tErrors(tooLarge.key as "fileTooLarge", tooLarge.values) } });
            return;
          }
          formData.set("org", org);
          formData.set("deadlineId", deadlineId);
          formData.set(IDEMPOTENCY_FIELD, idempotency.current());
          const res = await markDeadlineDone(formData);
          setResult(res);
          if (res.ok) {
            idempotency.renew();
            router.refresh();
          }
        })
      }
    >
      <TextField label={t("markComment")} name="comment" error={error?.fieldErrors?.comment?.[0]} />
      <TextField label={t("markLink")} name="link" type="url" error={error?.fieldErrors?.link?.[0]} />
      <label htmlFor={id} className="text-sm">
        {t("markFile", { max: maxMb })}
      </label>
      <input id={id} name="file" type="file" accept={accept} className="max-w-64 text-sm" />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("mark")}
        </Button>
      </div>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error.message}
        </span>
      ) : null}
      {result?.ok ? (
        <span role="status" className="text-sm text-green-800">
          {t("marked")}
        </span>
      ) : null}
    </ClientForm>
  );
}
