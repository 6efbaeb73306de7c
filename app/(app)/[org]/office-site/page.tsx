import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfficeDocumentForm } from "@/components/office-site/document-form";
import { OfficeDocumentsTable, OfficeNewsTable } from "@/components/office-site/office-site-tables";
import { SectionTextsForm } from "@/components/publication/section-texts-form";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { publicPath } from "@/lib/domain/publication";
import { formatDate } from "@/lib/format";
import { setOfficeSection } from "@/lib/office-site/actions";
import { loadOfficeSiteAdmin } from "@/lib/office-site/queries";
import { ACCEPT, DOCUMENT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officeSite");
  return { title: t("title") };
}

/** The office's public «Наставничество» section (district.publication, decision 060): publication, texts, documents, news. */
export default async function OfficeSitePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.publication");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const t = await getTranslations("officeSite");
  const tp = await getTranslations("publication");
  const data = await readPage(ctx, (read) => loadOfficeSiteAdmin(read));
  const published = Boolean(data.section?.publishedAt);
  const path = publicPath(ctx.organization.slug);
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>
          {tp("address")}{" "}
          <a href={path} className="text-brand-700 underline">
            {path}
          </a>
        </p>
      </PageHeader>
      <Section title={tp("statusTitle")} id="status">
        <div className="flex flex-col gap-3">
          <p>{published && data.section?.publishedAt ? tp("statusPublished", { date: formatDate(data.section.publishedAt) }) : tp("statusHidden")}</p>
          <div className="flex flex-wrap items-start gap-4">
            {published ? (
              <ActionButton action={setOfficeSection} input={{ org, published: false }} label={tp("unpublish")} confirm={tp("unpublishConfirm")} done={tp("unpublishedDone")} variant="danger" />
            ) : (
              <ActionButton action={setOfficeSection} input={{ org, published: true }} label={tp("publish")} done={tp("publishedDone")} />
            )}
            <a href={path} className="py-2 text-sm text-brand-700 underline">
              {published ? tp("open") : tp("preview")}
            </a>
          </div>
        </div>
      </Section>
      <Section title={tp("textsTitle")} id="texts">
        <SectionTextsForm office org={org} intro={data.section?.intro ?? ""} contacts={data.section?.contacts ?? ""} />
      </Section>
      <Section title={t("documentsTitle")} id="documents">
        <div className="flex flex-col gap-6">
          <p className="max-w-3xl text-slate-700">{t("documentsIntro")}</p>
          <OfficeDocumentsTable org={org} documents={data.documents} />
          <div className="flex flex-col gap-3">
            <h3 className="text-base font-semibold">{t("documentUploadTitle")}</h3>
            <OfficeDocumentForm org={org} accept={ACCEPT.act} maxBytes={DOCUMENT_MAX_BYTES} maxMb={megabytes(DOCUMENT_MAX_BYTES)} />
          </div>
        </div>
      </Section>
      <Section title={tp("newsTitle")} id="news">
        <OfficeNewsTable org={org} news={data.news} timeZone={ctx.organization.timeZone} at={now()} />
      </Section>
    </>
  );
}
