import { getLocale, getTranslations } from "next-intl/server";
import { RunNowButton } from "@/components/reminders/run-now-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { InvitationLetters } from "@/components/members/invitation-letters";
import { hasPermission, invitableRoles } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listPendingInvitations } from "@/lib/members/queries";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { smtpConfigured } from "@/lib/reminders/config";
import { listOutbox, OUTBOX_SHOWN } from "@/lib/reminders/queries";
import { SMTP_NOT_CONFIGURED } from "@/lib/reminders/send";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

export default async function OutboxPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "outbox.view");
  const t = await getTranslations("outbox");
  const ta = await getTranslations("accounts");
  const locale = toLocale(await getLocale());
  const [{ items, counts }, invitations] = await readPage(ctx, (read) => Promise.all([listOutbox(read, locale), listPendingInvitations(read)]));
  const manageable = hasPermission(ctx.roles, "members.invite") ? invitableRoles(ctx.roles) : [];
  const configured = smtpConfigured();
  const when = (d: Date | null) => (d ? formatDateTime(d, ctx.organization.timeZone) : t("none"));
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <div className="mb-6">
        <Notice kind="info">{configured ? t("smtpConfigured") : t("smtpMissing")}</Notice>
      </div>
      <Section title={t("runTitle")} id="run">
        <p className="mb-3 max-w-3xl text-slate-700">{t("runIntro")}</p>
        <RunNowButton org={ctx.organization.slug} />
      </Section>
      <Section title={ta("letters.title")} id="invitations">
        <p className="mb-3 max-w-3xl text-slate-700">{ta("letters.intro")}</p>
        <InvitationLetters
          org={ctx.organization.slug}
          invitations={invitations}
          timeZone={ctx.organization.timeZone}
          manageable={manageable}
          canRevoke={false}
          deliver="link"
        />
      </Section>
      <Section title={t("listTitle")} id="emails">
        <p className="mb-3">
          {t("summary", { queued: counts.QUEUED, sent: counts.SENT, failed: counts.FAILED })}
          {items.length >= OUTBOX_SHOWN ? ` ${t("shown", { count: OUTBOX_SHOWN })}` : null}
        </p>
        {items.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table
            caption={t("listTitle")}
            head={[t("created"), t("recipient"), t("subject"), t("status"), t("attempts"), t("lastError"), t("nextAttempt"), t("sentAt")]}
          >
            {items.map((m) => (
              <tr key={m.id}>
                <Td className="whitespace-nowrap">{formatDateTime(m.createdAt, ctx.organization.timeZone)}</Td>
                <Td>
                  {m.user.name}
                  <span className="block text-xs text-slate-600">{m.emailTo ?? t("none")}</span>
                </Td>
                <Td>{m.subject}</Td>
                <Td className="whitespace-nowrap">{t(`statuses.${m.emailStatus}`)}</Td>
                <Td>{m.emailAttempts}</Td>
                <Td className="max-w-xs break-words">{m.lastError === SMTP_NOT_CONFIGURED ? t("smtpNotConfiguredError") : (m.lastError ?? t("none"))}</Td>
                <Td className="whitespace-nowrap">{m.emailStatus === "QUEUED" ? when(m.nextAttemptAt) : t("none")}</Td>
                <Td className="whitespace-nowrap">{when(m.sentAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
