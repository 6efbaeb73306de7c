"use client";

import { useTranslations } from "next-intl";
import { AttachFile } from "@/components/ui/attach-file";
import { attachActFile } from "@/lib/programs/actions";
import { ACCEPT, DOCUMENT_MAX_BYTES } from "@/lib/uploads/limits";

/** Uploads the signed act. */
export function AttachActFile({ org, actId }: { org: string; actId: string }) {
  const t = useTranslations("acts");
  return (
    <AttachFile action={attachActFile} fields={{ org, actId }} label={t("attachLabel")} submitLabel={t("attach")} doneText={t("attached")} accept={ACCEPT.act} maxBytes={DOCUMENT_MAX_BYTES} />
  );
}
