import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeletePracticeButton, PracticeFileUpload, SharingButtons } from "@/components/practices/practice-controls";
import { PracticeForm } from "@/components/practices/practice-form";
import { PracticeHeader, PracticeSummarySection } from "@/components/practices/practice-sections";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { toLocale } from "@/lib/i18n/config";
import { getPractice } from "@/lib/practices/queries";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; practiceId: string }> };

// The title and the page read the same practice: once per request (the request context is one object).
const loadPractice = cache(getPractice);

export async function generateMetadata({ params }: Params) {
  const { org, practiceId } = await params;
  const t = await getTranslations("practices");
  const ctx = await requireTenant(org, "practices.view");
  const practice = await loadPractice(ctx, practiceId);
  return { title: practice ? practice.title : t("title") };
}

export default async function PracticePage({ params }: Params) {
  const { org, practiceId } = await params;
  const ctx = await requireTenant(org, "practices.view");
  const practice = await loadPractice(ctx, practiceId);
  if (!practice) notFound();
  const t = await getTranslations("practices");
  const locale = toLocale(await getLocale());
  const canEdit = practice.own && hasPermission(ctx.roles, "practices.manage");
  const fileHref = `/${org}/practices/${practice.id}/file`;

  return (
    <>
      <PracticeHeader practice={practice} org={org} locale={locale} />
      {practice.own ? null : (
        <div className="mb-6">
          <Notice kind="info">{t("readOnly")}</Notice>
        </div>
      )}

      <PracticeSummarySection practice={practice} org={org} />

      {practice.body ? (
        <Section title={t("body")} id="body">
          <div className="whitespace-pre-line">{practice.body}</div>
        </Section>
      ) : null}

      <Section title={t("fileTitle")} id="file">
        {practice.fileName ? (
          <p className="mb-3">
            <a href={fileHref} className="text-brand-700 underline">
              {t("download")}
            </a>{" "}
            <span className="text-sm text-slate-700">({practice.fileName})</span>
          </p>
        ) : (
          <p className="mb-3">{t("noFile")}</p>
        )}
        {canEdit ? <PracticeFileUpload org={org} practiceId={practice.id} /> : null}
      </Section>

      {canEdit ? (
        <>
          <Section title={t("sharingTitle")} id="sharing">
            <p className="mb-3">
              {[practice.sharedWithDistrict ? t("sharedState") : t("privateState"), practice.publishedOnSite ? t("publishedState") : null].filter(Boolean).join(", ")}
            </p>
            <SharingButtons org={org} practiceId={practice.id} shared={practice.sharedWithDistrict} published={practice.publishedOnSite} school={ctx.organization.kind === "SCHOOL"} />
          </Section>
          <Section title={t("editTitle")} id="edit">
            <PracticeForm org={org} existing={{ id: practice.id, kind: practice.kind, title: practice.title, summary: practice.summary, body: practice.body, tags: practice.tags }} />
            <div className="mt-6">
              <DeletePracticeButton org={org} practiceId={practice.id} />
            </div>
          </Section>
        </>
      ) : null}
    </>
  );
}
