"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionError } from "@/lib/actions/result";
import { closeSurvey, openSurvey, reissueSurveyLink } from "@/lib/surveys/actions";
import { LinksList, type ShownLink } from "./links-list";

/**
 * Open (draft → open, the one-time links shown once) and close (answers frozen; a satisfaction
 * questionnaire feeds the program's indicator). Stays mounted across the refresh after opening, so the
 * links remain on screen until the curator leaves the page.
 */
export function SurveyControls({ org, questionnaireId, status, satisfactionKind }: { org: string; questionnaireId: string; status: "DRAFT" | "OPEN" | "CLOSED"; satisfactionKind: boolean }) {
  const t = useTranslations("surveys");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [links, setLinks] = useState<ShownLink[] | null>(null);
  const [closedNote, setClosedNote] = useState<string | null>(null);

  const open = () => {
    if (!window.confirm(t("openConfirm"))) return;
    startTransition(async () => {
      const res = await openSurvey({ org, questionnaireId });
      if (!res.ok) return setError(res.error);
      setError(null);
      setLinks(res.data.links);
    });
  };
  const close = () => {
    if (!window.confirm(satisfactionKind ? t("closeConfirmSatisfaction") : t("closeConfirm"))) return;
    startTransition(async () => {
      const res = await closeSurvey({ org, questionnaireId });
      if (!res.ok) return setError(res.error);
      setError(null);
      setClosedNote(res.data.indicatorId ? t("closedIndicator", { percent: new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB").format(res.data.satisfaction ?? 0) }) : t("closedDone"));
    });
  };

  return (
    <div className="flex flex-col gap-3">
      {error ? <ActionErrorNotice error={error} /> : null}
      {closedNote ? <Notice kind="success">{closedNote}</Notice> : null}
      {links ? links.length ? <LinksList links={links} /> : <Notice kind="success">{t("openedNoLinks")}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        {status === "DRAFT" ? (
          <Button type="button" onClick={open} disabled={pending}>
            {t("open")}
          </Button>
        ) : null}
        {status === "OPEN" ? (
          <Button type="button" variant="danger" onClick={close} disabled={pending}>
            {t("close")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** A new link for one recipient (the old one stops working), shown once. */
export function ReissueLinkButton({ org, recipientId, name }: { org: string; recipientId: string; name: string }) {
  const t = useTranslations("surveys");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<ShownLink | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={t("reissueLabel", { name })}
        onClick={() => {
          if (!window.confirm(t("reissueConfirm"))) return;
          startTransition(async () => {
            const res = await reissueSurveyLink({ org, recipientId });
            if (!res.ok) return setError([res.error.message, ...(res.error.details ?? [])].join(" "));
            setError(null);
            setLink(res.data.link);
          });
        }}
      >
        {t("reissue")}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
      {link ? <LinksList links={[link]} /> : null}
    </div>
  );
}
