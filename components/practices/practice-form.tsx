"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { savePractice } from "@/lib/practices/actions";
import { SavePracticeInput } from "@/lib/practices/schemas";
import { ClientForm } from "@/components/ui/client-form";

type Values = { org: string; practiceId: string; kind: "CASE" | "MATERIAL"; pairId: string; title: string; summary: string; body: string; tags: string };
export type CompletedPairOption = { id: string; label: string };

/**
 * A case from a completed pair or a material (its file is uploaded on the entry's page), or the edit of an
 * existing entry. Nothing is filled in from the pair: the author writes what may be shared.
 */
export function PracticeForm({
  org,
  pairs = [],
  existing,
}: {
  org: string;
  pairs?: CompletedPairOption[];
  existing?: { id: string; kind: "CASE" | "MATERIAL"; title: string; summary: string; body: string | null; tags: string[] };
}) {
  const t = useTranslations("practices");
  const [created, setCreated] = useState<string | null>(null);
  const initial: Values = {
    org,
    practiceId: existing?.id ?? "",
    kind: existing?.kind ?? (pairs.length ? "CASE" : "MATERIAL"),
    pairId: "",
    title: existing?.title ?? "",
    summary: existing?.summary ?? "",
    body: existing?.body ?? "",
    tags: existing?.tags.join(", ") ?? "",
  };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<Values, { practiceId: string; created: boolean }>(SavePracticeInput, savePractice as never, initial, {
    onSuccess: (data) => {
      if (!data.created) return;
      setCreated(data.practiceId);
      form.reset(initial);
    },
  });
  const kind = form.watch("kind");
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={existing ? t("editTitle") : t("createTitle")} className="flex flex-col gap-3">
      {existing ? null : (
        <div className="grid gap-3 md:grid-cols-2">
          <SelectField label={t("kind")} error={fieldError("kind")} {...form.register("kind")}>
            <option value="CASE" disabled={!pairs.length}>
              {t("createCase")}
            </option>
            <option value="MATERIAL">{t("createMaterial")}</option>
          </SelectField>
          {kind === "CASE" ? (
            pairs.length ? (
              <SelectField label={t("pair")} hint={t("caseHint")} error={fieldError("pairId")} {...form.register("pairId")}>
                <option value="">{t("choosePair")}</option>
                {pairs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </SelectField>
            ) : (
              <p className="self-end text-sm text-slate-700">{t("noCompletedPairs")}</p>
            )
          ) : null}
        </div>
      )}
      <TextField label={t("titleLabel")} error={fieldError("title")} {...form.register("title")} />
      <TextAreaField label={t("summary")} error={fieldError("summary")} {...form.register("summary")} />
      <TextAreaField label={t("body")} hint={t("bodyHint")} rows={8} error={fieldError("body")} {...form.register("body")} />
      <TextField label={t("tags")} hint={t("tagsHint")} error={fieldError("tags")} {...form.register("tags")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <InlineOutcome result={result} okText={existing ? t("saved") : t("created")} />
        {created ? (
          <Link href={`/${org}/practices/${created}`} className="text-sm text-brand-700 underline">
            {t("openCreated")}
          </Link>
        ) : null}
      </div>
    </ClientForm>
  );
}
