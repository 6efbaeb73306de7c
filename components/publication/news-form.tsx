"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { TextAreaField } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveOfficeNews } from "@/lib/office-site/actions";
import { saveNews } from "@/lib/publication/actions";
import { SaveNewsInput } from "@/lib/publication/schemas";
import { ClientForm } from "@/components/ui/client-form";

type NewsValues = { id: string; title: string; body: string; publishedAt: string };

/** Writes a news item of the public section (a new one, or edits `news`); an empty date keeps it a draft. `office`: an office's section (decision 060). */
export function NewsForm({ org, news, label, office = false }: { org: string; news?: NewsValues; label: string; office?: boolean }) {
  const t = useTranslations("publication");
  const empty = { org, newsId: "", title: "", body: "", publishedAt: "" };
  const { form, onSubmit, pending, result, fieldError } = useActionForm<SaveNewsInput>(
    SaveNewsInput,
    office ? saveOfficeNews : saveNews,
    news ? { org, newsId: news.id, title: news.title, body: news.body, publishedAt: news.publishedAt } : empty,
    { onSuccess: () => (news ? undefined : form.reset(empty)) },
  );
  return (
    <ClientForm onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label={label}>
      <TextField label={t("newsTitleField")} error={fieldError("title")} {...form.register("title")} />
      <TextAreaField label={t("newsBodyField")} rows={6} error={fieldError("body")} {...form.register("body")} />
      <div className="max-w-xs">
        <TextField label={t("newsDateField")} type="date" hint={t("newsDateHint")} error={fieldError("publishedAt")} {...form.register("publishedAt")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("newsSave")}
        </Button>
        <InlineOutcome result={result} okText={t("newsSaved")} />
      </div>
    </ClientForm>
  );
}
