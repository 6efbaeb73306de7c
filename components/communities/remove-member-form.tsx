"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { TextField } from "@/components/ui/field";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { removeCommunityMember } from "@/lib/communities/actions";
import { RemoveCommunityMemberInput } from "@/lib/communities/schemas";

/** The methodist ends a membership with its reason (the meetings the person attended stay in the history). */
export function RemoveMemberForm({ org, communityMemberId, name }: { org: string; communityMemberId: string; name: string }) {
  const t = useTranslations("communities");
  const { form, onSubmit, pending, result, fieldError } = useActionForm<RemoveCommunityMemberInput>(RemoveCommunityMemberInput, removeCommunityMember, { org, communityMemberId, reason: "" });
  return (
    <ClientForm onSubmit={onSubmit} noValidate aria-label={t("removeTitle", { name })} className="flex flex-col gap-2">
      <TextField label={t("removeReason")} error={fieldError("reason")} {...form.register("reason")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("remove")}
        </Button>
        <InlineOutcome result={result} okText={t("removed")} />
      </div>
    </ClientForm>
  );
}
