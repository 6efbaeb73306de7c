"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { advanceStage, passGateAnyway, returnToStage } from "@/lib/programs/actions";
import { OverrideGateInput, ReturnStageInput } from "@/lib/programs/schemas";
import type { z } from "zod";
import { ClientForm } from "@/components/ui/client-form";

type StageResult = ActionResult<{ stage: number; completed: boolean }>;

function Outcome({ result }: { result: StageResult | null }) {
  const t = useTranslations("program");
  if (!result) return null;
  if (!result.ok) return <ActionErrorNotice error={result.error} />;
  return <Notice kind="success">{result.data.completed ? t("status.COMPLETED") : t("advanced", { stage: result.data.stage })}</Notice>;
}

/** The curator's (or director's) "move on" button: the server checks the gate and lists what is missing. */
export function AdvanceButton({ org, programId, stage }: { org: string; programId: string; stage: number }) {
  const t = useTranslations("program");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<StageResult | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const res = await advanceStage({ org, programId, expectedStage: stage });
              setResult(res);
            })
          }
        >
          {pending ? t("advancing") : stage === 7 ? t("complete") : t("advance", { next: stage + 1 })}
        </Button>
      </div>
      <Outcome result={result} />
    </div>
  );
}

export function DirectorDecisions({ org, programId, stage }: { org: string; programId: string; stage: number }) {
  const t = useTranslations("program");
  const override = useActionForm<z.input<typeof OverrideGateInput>, { stage: number; completed: boolean }>(OverrideGateInput, passGateAnyway, {
    org,
    programId,
    expectedStage: stage,
    reason: "",
  });
  const back = useActionForm<z.input<typeof ReturnStageInput>, { stage: number; completed: boolean }>(ReturnStageInput, returnToStage, {
    org,
    programId,
    expectedStage: stage,
    toStage: Math.max(1, stage - 1),
    reason: "",
  });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ClientForm onSubmit={override.onSubmit} className="flex flex-col gap-3" noValidate aria-label={t("override")}>
        <Outcome result={override.result as StageResult | null} />
        <TextAreaField id="override-reason" label={t("reason")} error={override.fieldError("reason")} {...override.form.register("reason")} />
        <div>
          <Button type="submit" variant="secondary" disabled={override.pending}>
            {stage === 7 ? t("complete") : t("override")}
          </Button>
        </div>
      </ClientForm>
      {stage > 1 ? (
        <ClientForm onSubmit={back.onSubmit} className="flex flex-col gap-3" noValidate aria-label={t("returnButton")}>
          <Outcome result={back.result as StageResult | null} />
          <SelectField label={t("returnTo")} error={back.fieldError("toStage")} {...back.form.register("toStage")}>
            {Array.from({ length: stage - 1 }, (_, i) => i + 1).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <TextAreaField id="return-reason" label={t("reason")} error={back.fieldError("reason")} {...back.form.register("reason")} />
          <div>
            <Button type="submit" variant="secondary" disabled={back.pending}>
              {t("returnButton")}
            </Button>
          </div>
        </ClientForm>
      ) : null}
    </div>
  );
}
