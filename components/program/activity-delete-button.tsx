"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { deleteActivity } from "@/lib/programs/actions";

/** «Удалить» of one roadmap row, asking first: its texts come from the browser's messages, not per row from the page. */
export function ActivityDeleteButton({ org, activityId, title }: { org: string; activityId: string; title: string }) {
  const t = useTranslations("roadmap");
  return <ActionButton action={deleteActivity} input={{ org, activityId }} label={t("delete")} confirm={t("deleteConfirm", { title })} done={t("deleted")} variant="danger" />;
}
