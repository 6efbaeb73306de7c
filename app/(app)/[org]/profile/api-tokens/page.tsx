import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiTokenForm } from "@/components/organization/api-token-form";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { revokeApiToken } from "@/lib/api/actions";
import { listApiTokens } from "@/lib/api/queries";
import { API_SCOPES } from "@/lib/api/scopes";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

// The organization's API tokens (decision 045): the head creates one for a regional system, sees when each
// was last used, revokes it. The secret is shown once, by the form; the list never holds it.
export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "api.tokens");
  const t = await getTranslations("apiTokens");
  const tokens = await readPage(ctx, (read) => listApiTokens(read));
  const zone = ctx.organization.timeZone;
  const scopes = ctx.organization.kind === "SCHOOL" ? API_SCOPES : API_SCOPES.filter((s) => s !== "people.import");

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p className="mt-2">
          <Link className="underline" href="/api/v1/docs" prefetch={false}>
            {t("docsLink")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("create")} id="create">
        <ApiTokenForm org={org} scopes={scopes} />
      </Section>
      <Section title={t("list")} id="tokens">
        {tokens.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table caption={t("list")} head={[t("name"), t("scopes"), t("createdAt"), t("lastUsed"), t("status"), t("actions")]}>
            {tokens.map((token) => (
              <tr key={token.id}>
                <Td>{token.name}</Td>
                <Td>{token.scopes.join(", ")}</Td>
                <Td>
                  {formatDateTime(token.createdAt, zone)}
                  {token.createdBy ? `, ${token.createdBy.name}` : ""}
                </Td>
                <Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, zone) : t("never")}</Td>
                <Td>{token.revokedAt ? t("revokedAt", { date: formatDateTime(token.revokedAt, zone) }) : t("active")}</Td>
                <Td>
                  <ActionButton
                    action={revokeApiToken}
                    input={{ org, apiTokenId: token.id }}
                    label={t("revoke")}
                    confirm={t("revokeConfirm")}
                    done={t("revoked")}
                    variant="danger"
                    gone={Boolean(token.revokedAt)}
                  />
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
