import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActsTable } from "@/components/program/acts-table";
import { RegisterActForm } from "@/components/program/register-act-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { toLocale } from "@/lib/i18n/config";
import { listActivePrograms, listLocalActs } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("acts");
  return { title: t("title") };
}

export default async function LocalActsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "program.view");
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const [acts, programs] = await readPage(ctx, (read) => Promise.all([listLocalActs(read), listActivePrograms(read)]));
  const canApprove = hasPermission(ctx.roles, "acts.approve");
  const canRegister = hasPermission(ctx.roles, "acts.register");
  return (
    <>
      <PageHeader title={t("acts.title")}>
        <p>{t("acts.intro")}</p>
        <p>
          <Link href={`/${org}/program/stage1`} className="text-brand-700 underline">
            {t("acts.stage1Link")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("acts.caption")} id="acts">
        {acts.length === 0 ? (
          <p>{t("acts.empty")}</p>
        ) : (
          <ActsTable acts={acts} org={org} canApprove={canApprove} canRegister={canRegister} locale={locale} />
        )}
      </Section>
      {canRegister ? (
        <Section title={t("acts.registerTitle")} id="register">
          <RegisterActForm org={org} programs={programs.map((p) => ({ id: p.id, label: t("acts.program", { year: formatAcademicYear(p.academicYear) }) }))} />
        </Section>
      ) : null}
    </>
  );
}
