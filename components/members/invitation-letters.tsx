import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResendInvitation } from "@/components/members/resend-invitation";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import type { AppRole } from "@/lib/auth/roles";
import { fullName } from "@/lib/domain/names";
import { formatDateTime } from "@/lib/format";
import { revokeInvitation } from "@/lib/members/actions";

export type PendingInvitationRow = {
  id: string;
  email: string;
  role: AppRole;
  expiresAt: Date;
  emailStatus: "NONE" | "QUEUED" | "SENT" | "FAILED";
  emailAttempts: number;
  sentAt: Date | null;
  lastError: string | null;
  invitedBy: { name: string };
  person: { id: string; lastName: string; firstName: string; middleName: string | null } | null;
};

/**
 * The pending invitations with their letters (the outbox page «Приглашения», the members page): status,
 * attempts, the last error; «Показать ссылку» / «Отправить ещё раз» and «Отозвать» for the roles the viewer
 * may hand out.
 */
export async function InvitationLetters({
  org,
  invitations,
  timeZone,
  manageable,
  canRevoke,
  deliver,
  caption,
}: {
  /** The table's name (the members page keeps its own). */
  caption?: string;
  org: string;
  invitations: PendingInvitationRow[];
  timeZone: string;
  /** Roles whose invitations the viewer may reissue (invitableRoles). */
  manageable: readonly AppRole[];
  canRevoke: boolean;
  deliver: "email" | "link";
}) {
  const t = await getTranslations("accounts");
  const tr = await getTranslations("roles");
  if (invitations.length === 0) return <p>{t("letters.empty")}</p>;
  const withActions = manageable.length > 0 || canRevoke;
  return (
    <Table
      caption={caption ?? t("letters.caption")}
      head={[
        t("letters.email"),
        t("letters.person"),
        t("letters.role"),
        t("letters.status"),
        t("letters.attempts"),
        t("letters.lastError"),
        t("letters.sentAt"),
        t("letters.expires"),
        ...(withActions ? [t("letters.actions")] : []),
      ]}
    >
      {invitations.map((i) => (
        <tr key={i.id} data-invitation={i.email}>
          <Td>{i.email}</Td>
          <Td>
            {i.person ? (
              <Link href={`/${org}/people/${i.person.id}`} className="text-brand-700 underline">
                {fullName(i.person)}
              </Link>
            ) : (
              t("letters.none")
            )}
          </Td>
          <Td>{tr(i.role)}</Td>
          <Td className="whitespace-nowrap">{t(`letters.statuses.${i.emailStatus}`)}</Td>
          <Td>{i.emailAttempts}</Td>
          <Td className="max-w-xs break-words">{i.lastError ?? t("letters.none")}</Td>
          <Td className="whitespace-nowrap">{i.sentAt ? formatDateTime(i.sentAt, timeZone) : t("letters.none")}</Td>
          <Td className="whitespace-nowrap">{formatDateTime(i.expiresAt, timeZone)}</Td>
          {withActions ? (
            <Td>
              <div className="flex flex-col gap-2">
                {manageable.includes(i.role) ? <ResendInvitation org={org} invitationId={i.id} deliver={deliver} /> : null}
                {canRevoke ? (
                  <ActionButton action={revokeInvitation} input={{ org, invitationId: i.id }} label={t("revoke")} done={t("revoked")} />
                ) : null}
              </div>
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
