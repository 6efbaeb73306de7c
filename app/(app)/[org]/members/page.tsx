import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { InvitationLetters } from "@/components/members/invitation-letters";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission, invitableRoles } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { INVITATION_TTL_DAYS } from "@/lib/domain/invitation";
import { removeMembership } from "@/lib/members/actions";
import { listMembers, listPendingInvitations } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "members.view");
  const t = await getTranslations();
  const [members, invitations] = await readPage(ctx, (read) => Promise.all([listMembers(read), listPendingInvitations(read)]));
  const canRemove = hasPermission(ctx.roles, "members.remove");
  const canRevoke = hasPermission(ctx.roles, "invitations.revoke");
  const roles = hasPermission(ctx.roles, "members.invite") ? invitableRoles(ctx.roles) : [];

  return (
    <>
      <PageHeader title={t("members.title")}>
        <p>{t("members.intro")}</p>
      </PageHeader>

      <Section title={t("members.title")} id="members">
        {members.length === 0 ? (
          <p>{t("members.empty")}</p>
        ) : (
          <Table caption={t("members.tableCaption")} head={[t("members.name"), t("members.email"), t("members.role"), ...(canRemove ? [t("members.actions")] : [])]}>
            {members.map((m) => (
              <tr key={m.id}>
                <Td>{m.user.name}</Td>
                <Td>{m.user.email}</Td>
                <Td>{t(`roles.${m.role}`)}</Td>
                {canRemove ? (
                  <Td>
                    <ActionButton
                      action={removeMembership}
                      input={{ org, membershipId: m.id }}
                      label={t("members.remove")}
                      confirm={t("members.removeConfirm", { role: t(`roles.${m.role}`), name: m.user.name })}
                      done={t("members.removed")}
                      variant="danger"
                    />
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </Section>

      {roles.length > 0 ? (
        <Section title={t("members.inviteTitle")} id="invite">
          <p className="mb-4 text-slate-700">{t("members.inviteIntro", { days: INVITATION_TTL_DAYS })}</p>
          <InviteMemberForm org={org} roles={roles} />
        </Section>
      ) : null}

      <Section title={t("members.pendingTitle")} id="pending">
        <InvitationLetters
          caption={t("members.pendingCaption")}
          org={org}
          invitations={invitations}
          timeZone={ctx.organization.timeZone}
          manageable={roles}
          canRevoke={canRevoke}
          deliver="email"
        />
      </Section>
    </>
  );
}
