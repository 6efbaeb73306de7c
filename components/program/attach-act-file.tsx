"use client";

import { useTranslations } from "next-intl";
import { AttachFile } from "@/components/ui/attach-file";
import { attachActFile } from "@/lib/programs/actions";

/** Uploads the signed act. */
export function AttachActFile({ org, actId }: { org: string; actId: string }) {
  const t = useTranslations("acts");
  return (
    <AttachFile action={attachActFile} fields={{ org, actId }} label={t("attachLabel")} submitLabel={t("attach")} doneText={t("attached")} accept=".pdf,.jpg,.jpeg,.png,.docx,.doc" />
  );
}
