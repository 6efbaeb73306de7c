"use client";

import { useTranslations } from "next-intl";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TextAreaField } from "@/components/ui/textarea";
import { useFormDataAction } from "@/components/ui/use-form-data-action";
import { holdCommunityMeeting } from "@/lib/communities/actions";

/** A meeting of the community: its date, agenda and who of the members attended. */
export function MeetingForm({ org, communityId, members }: { org: string; communityId: string; members: { id: string; name: string; school: string }[] }) {
  const t = useTranslations("communities");
  const { onSubmit, pending, result, error } = useFormDataAction(holdCommunityMeeting, { org, communityId });
  return (
    <ClientForm className="flex max-w-xl flex-col gap-4" aria-label={t("holdTitle")} onSubmit={onSubmit}>
      {error ? <ActionErrorNotice error={error} /> : null}
      {result?.ok ? <Notice kind="success">{t("held")}</Notice> : null}
      <TextField label={t("date")} name="date" type="date" error={error?.fieldErrors?.date?.[0]} />
      <TextAreaField label={t("agenda")} name="agenda" rows={4} error={error?.fieldErrors?.agenda?.[0]} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t("attendance")}</legend>
        {members.length === 0 ? <p className="text-sm">{t("noMembersToMark")}</p> : null}
        {members.map((m) => (
          <label key={m.id} className="flex items-start gap-2">
            <input type="checkbox" name="communityMemberIds" value={m.id} className="mt-1" />
            <span>
              {m.name} <span className="text-sm text-slate-700">({m.school})</span>
            </span>
          </label>
        ))}
        {error?.fieldErrors?.communityMemberIds ? <p className="text-sm text-red-800">{error.fieldErrors.communityMemberIds[0]}</p> : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {t("hold")}
        </Button>
      </div>
    </ClientForm>
  );
}
