import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicationActsSection, PublicationMentorsSection, PublicationNewsSection, PublicationStatusSection } from "@/components/publication/publication-sections";
import { SectionTextsForm } from "@/components/publication/section-texts-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { publicPath } from "@/lib/domain/publication";
import { toLocale } from "@/lib/i18n/config";
import { loadPublicationAdmin } from "@/lib/publication/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("publication");
  return { title: t("title") };
}

/** Publication controls of the school's public «Наставничество» section (publication.manage). */
export default async function PublicationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "publication.manage");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("publication");
  const locale = toLocale(await getLocale());
  const at = now();
  const data = await loadPublicationAdmin(ctx, at);
  const path = publicPath(ctx.organization.slug);
  const seesPeople = hasPermission(ctx.roles, "people.view");
  const seesPractices = hasPermission(ctx.roles, "practices.view");

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>
          {t("address")}{" "}
          <a href={path} className="text-brand-700 underline" data-testid="public-section-link">
            {path}
          </a>
        </p>
      </PageHeader>

      <PublicationStatusSection org={org} path={path} publishedAt={data.section?.publishedAt} locale={locale} />

      <Section title={t("textsTitle")} id="texts">
        <SectionTextsForm org={org} intro={data.section?.intro ?? ""} contacts={data.section?.contacts ?? ""} />
      </Section>

      <PublicationActsSection acts={data.acts} org={org} locale={locale} />

      <PublicationNewsSection news={data.news} org={org} at={at} timeZone={ctx.organization.timeZone} />

      <PublicationMentorsSection mentors={data.mentors} org={org} seesPeople={seesPeople} />

      <Section title={t("practicesTitle")} id="practices">
        <p>{t("practicesInfo", { count: data.publishedPractices })}</p>
        {seesPractices ? (
          <p className="mt-2">
            <Link href={`/${org}/practices`} className="text-brand-700 underline">
              {t("practicesLink")}
            </Link>
          </p>
        ) : null}
      </Section>
    </>
  );
}
