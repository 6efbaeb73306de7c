"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { addMentee, leaveMenteeBank, leaveMentorBank, updateMentee } from "@/lib/banks/actions";
import { AddMenteeInput, LeaveBankInput, UpdateMenteeInput } from "@/lib/banks/schemas";
import { INFORMATION_SOURCES, type InformationSource, type MenteeCategory } from "@/lib/domain/banks";
import { PersonSelect, TagCheckboxes, type Candidate } from "./bank-fields";
import { CategorySelect, useVocabularyTags } from "./vocabulary-fields";
import { ClientForm } from "@/components/ui/client-form";

function SourceSelect({ label, error, register }: { label: string; error?: string; register: UseFormRegisterReturn }) {
  const tv = useTranslations("vocabulary");
  return (
    <SelectField label={label} error={error} {...register}>
      {Object.keys(INFORMATION_SOURCES).map((value) => (
        <option key={value} value={value}>
          {tv(`informationSource.${value}`)}
        </option>
      ))}
    </SelectField>
  );
}

export function AddMenteeForm({ org, candidates }: { org: string; candidates: Candidate[] }) {
  const t = useTranslations("banks");
  const difficulties = useVocabularyTags("difficulty");
  const empty = { org, personId: "", category: "" as MenteeCategory, difficulties: [], request: "", source: "QUESTIONNAIRE" as InformationSource };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<AddMenteeInput, { menteeId: string }>(AddMenteeInput, addMentee, empty, {
    onSuccess: () => form.reset(empty),
  });
  const kind = candidates.find((c) => c.id === form.watch("personId"))?.kind;
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("addMenteeTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      {result?.ok ? <Notice kind="success">{t("added")}</Notice> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <PersonSelect candidates={candidates} register={form.register("personId")} error={fieldError("personId")} />
        <CategorySelect kind={kind} register={form.register("category")} error={fieldError("category")} />
        <SourceSelect label={t("source")} error={fieldError("source")} register={form.register("source")} />
      </div>
      <TagCheckboxes id="add-difficulties" legend={t("difficultiesLegend")} tags={difficulties} register={form.register("difficulties")} error={fieldError("difficulties")} />
      <TextAreaField label={t("request")} rows={3} error={fieldError("request")} {...form.register("request")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
      </div>
    </ClientForm>
  );
}

export function EditMenteeForm({
  org,
  menteeId,
  kind,
  values,
}: {
  org: string;
  menteeId: string;
  kind: "TEACHER" | "STUDENT" | "EXTERNAL";
  values: { category: MenteeCategory; difficulties: string[]; request: string | null; source: InformationSource };
}) {
  const t = useTranslations("banks");
  const difficulties = useVocabularyTags("difficulty");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<UpdateMenteeInput, { approvalWithdrawn?: boolean }>(UpdateMenteeInput, updateMentee, {
    org,
    menteeId,
    category: values.category,
    difficulties: values.difficulties as UpdateMenteeInput["difficulties"],
    request: values.request ?? "",
    source: values.source,
  });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={t("editTitle")}>
      {result && !result.ok ? <ActionErrorNotice error={result.error} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <CategorySelect kind={kind} register={form.register("category")} error={fieldError("category")} />
        <SourceSelect label={t("source")} error={fieldError("source")} register={form.register("source")} />
      </div>
      <TagCheckboxes id="edit-difficulties" legend={t("difficultiesLegend")} tags={difficulties} register={form.register("difficulties")} error={fieldError("difficulties")} />
      <TextAreaField label={t("request")} rows={3} error={fieldError("request")} {...form.register("request")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {/* A new category withdraws the head's approval (decision 025): the curator is told so at once. */}
        <InlineOutcome result={result} okText={result?.ok && result.data.approvalWithdrawn ? t("savedApprovalWithdrawn") : t("saved")} />
      </div>
    </ClientForm>
  );
}

/** Takes a mentee or a mentor out of the bank with a written reason. */
export function LeaveBankForm({ org, entryId, bank }: { org: string; entryId: string; bank: "mentee" | "mentor" }) {
  const t = useTranslations("banks");
  const action: (input: LeaveBankInput) => Promise<ActionResult<unknown>> = bank === "mentee" ? leaveMenteeBank : leaveMentorBank;
  const { form, onSubmit, pending, result, fieldError } = useActionForm<LeaveBankInput>(LeaveBankInput, action, { org, entryId, reason: "" });
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-2" noValidate aria-label={t("leaveTitle")}>
      <TextField label={t("leaveReason")} error={fieldError("reason")} {...form.register("reason")} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("leave")}
        </Button>
        <InlineOutcome result={result} okText={t("left")} />
      </div>
    </ClientForm>
  );
}
