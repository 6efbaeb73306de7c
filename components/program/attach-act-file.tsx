"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { attachActFile } from "@/lib/programs/actions";

/** Uploads the signed act (FormData straight to the server action, which validates type and size). */
export function AttachActFile({ org, actId }: { org: string; actId: string }) {
  const t = useTranslations("acts");
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <form
      className="flex flex-col gap-1"
      action={(formData) =>
        startTransition(async () => {
          formData.set("org", org);
          formData.set("actId", actId);
          const res = await attachActFile(formData);
          setResult(res);
          if (res.ok) router.refresh();
        })
      }
    >
      <label htmlFor={id} className="text-sm">
        {t("attachLabel")}
      </label>
      <input id={id} name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx,.doc" className="max-w-56 text-sm" />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("attach")}
        </Button>
      </div>
      {result && !result.ok ? (
        <span role="alert" className="text-sm text-red-800">
          {result.error.fieldErrors?.file?.[0] ?? result.error.message}
        </span>
      ) : null}
      {result?.ok ? (
        <span role="status" className="text-sm text-green-800">
          {t("attached")}
        </span>
      ) : null}
    </form>
  );
}
