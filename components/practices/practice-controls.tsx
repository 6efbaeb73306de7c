"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { AttachFile } from "@/components/ui/attach-file";
import { Button } from "@/components/ui/button";
import { attachPracticeFile, deletePractice, setPracticeSharing } from "@/lib/practices/actions";
import { ACCEPT, DOCUMENT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";

/** «Поделиться с округом» and «опубликовать на сайте школы» switches of an own entry. */
export function SharingButtons({ org, practiceId, shared, published, school }: { org: string; practiceId: string; shared: boolean; published: boolean; school: boolean }) {
  const t = useTranslations("practices");
  return (
    <div className="flex flex-wrap gap-4">
      <ActionButton action={setPracticeSharing} input={{ org, practiceId, field: "sharedWithDistrict" as const, value: !shared }} label={shared ? t("unshare") : t("share")} done={t("sharedDone")} />
      {school ? (
        <ActionButton action={setPracticeSharing} input={{ org, practiceId, field: "publishedOnSite" as const, value: !published }} label={published ? t("unpublish") : t("publish")} done={t("sharedDone")} />
      ) : null}
    </div>
  );
}

export function PracticeFileUpload({ org, practiceId }: { org: string; practiceId: string }) {
  const t = useTranslations("practices");
  return <AttachFile action={attachPracticeFile} fields={{ org, practiceId }} label={t("file", { max: megabytes(DOCUMENT_MAX_BYTES) })} submitLabel={t("attach")} doneText={t("attached")} accept={ACCEPT.practice} maxBytes={DOCUMENT_MAX_BYTES} />;
}

/** Deletes an own entry and returns to the library. */
export function DeletePracticeButton({ org, practiceId }: { org: string; practiceId: string }) {
  const t = useTranslations("practices");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t("deleteConfirm"))) return;
            startTransition(async () => {
              const res = await deletePractice({ org, practiceId });
              if (res.ok) router.push(`/${org}/practices`);
              else setError(res.error.message);
            });
          }}
        >
          {t("delete")}
        </Button>
      </div>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}
