import { getLocale, getTranslations } from "next-intl/server";
import { CreateOrganizationForm } from "@/components/operator/create-organization-form";
import { InviteHeadForm, MoveSchoolForm } from "@/components/operator/office-forms";
import { OrganizationTreeTable } from "@/components/operator/organization-tree-table";
import { AppShell } from "@/components/shell/app-shell";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readOperatorPage, requireOperator } from "@/lib/auth/tenant";
import { supportedTimeZones } from "@/lib/domain/local-date";
import { toLocale } from "@/lib/i18n/config";
import { listOrganizationTree, organizationChoices } from "@/lib/operator/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("operator");
  return { title: t("title") };
}

// The platform operator's page (decision 018): organizations and their status, never personal data.
export default async function OperatorPage() {
  const ctx = await requireOperator();
  const tree = await readOperatorPage(ctx, (read) => listOrganizationTree(read));
  const { regions, offices, municipalities, schools } = organizationChoices(tree);
  const t = await getTranslations("operator");
  const locale = toLocale(await getLocale());
  return (
    <AppShell user={ctx.user} organizations={[]} returnTo="/operator">
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <Section title={t("createTitle")} id="create">
        <p className="mb-4 text-slate-700">{t("createIntro")}</p>
        <CreateOrganizationForm regions={regions} zones={supportedTimeZones()} defaultZone="Europe/Moscow" />
      </Section>
      <Section title={t("treeTitle")} id="tree">
        <OrganizationTreeTable tree={tree} locale={locale} />
      </Section>
      <Section title={t("inviteTitle")} id="invite">
        <InviteHeadForm offices={offices} />
      </Section>
      <Section title={t("moveTitle")} id="move">
        <p className="mb-4 text-slate-700">{t("moveIntro")}</p>
        <MoveSchoolForm schools={schools} municipalities={municipalities} />
      </Section>
    </AppShell>
  );
}
