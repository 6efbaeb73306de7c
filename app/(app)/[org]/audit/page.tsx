import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { listAuditEvents } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

function describe(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return Object.entries(data as Record<string, unknown>)
    .filter(([key]) => key !== "userId")
    .map(([, value]) => String(value))
    .join(", ");
}

export default async function AuditPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "audit.view");
  const t = await getTranslations();
  const events = await listAuditEvents(ctx);
  // Message keys cannot contain dots: "members.invite" is stored as "members_invite".
  const label = (action: string) => {
    const key = `audit.actions.${action.replaceAll(".", "_")}` as never;
    return t.has(key) ? t(key) : action;
  };
  return (
    <>
      <PageHeader title={t("audit.title")}>
        <p>{t("audit.intro")}</p>
      </PageHeader>
      <Section title={t("audit.caption")} id="audit">
        {events.length === 0 ? (
          <p>{t("audit.empty")}</p>
        ) : (
          <Table caption={t("audit.caption")} head={[t("audit.when"), t("audit.who"), t("audit.what"), t("audit.details")]}>
            {events.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">{formatDateTime(e.createdAt, ctx.organization.timeZone)}</Td>
                <Td>{e.actor?.name ?? t("audit.system")}</Td>
                <Td>{label(e.action)}</Td>
                <Td>{describe(e.data)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
