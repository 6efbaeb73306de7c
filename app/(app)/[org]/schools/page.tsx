import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InviteDirectorForm } from "@/components/members/invite-director-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { listDistrictSchools } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("schools");
  return { title: t("title") };
}

export default async function DistrictSchoolsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.view");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const t = await getTranslations();
  const schools = await listDistrictSchools(ctx);
  return (
    <>
      <PageHeader title={t("schools.title")}>
        <p>{t("schools.intro")}</p>
      </PageHeader>
      <Section title={t("schools.caption")} id="schools">
        {schools.length === 0 ? (
          <p>{t("schools.empty")}</p>
        ) : (
          <Table caption={t("schools.caption")} head={[t("schools.name"), t("schools.kind"), t("schools.address")]}>
            {schools.map((s) => (
              <tr key={s.id}>
                <Td>{s.name}</Td>
                <Td>{s.schoolKind ? t(`schoolKinds.${s.schoolKind}`) : "—"}</Td>
                <Td>{s.address ?? "—"}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {hasPermission(ctx.roles, "district.inviteDirector") && schools.length > 0 ? (
        <Section title={t("schools.inviteDirectorTitle")} id="invite-director">
          <InviteDirectorForm org={org} schools={schools.map((s) => ({ id: s.id, name: s.shortName ?? s.name }))} />
        </Section>
      ) : null}
    </>
  );
}
