import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkAccountForm, RecordConsentForm } from "@/components/people/consent-forms";
import { Section } from "@/components/ui/page-header";
import { hasPermission, invitableRoles } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { fullName } from "@/lib/domain/names";
import { toLocale } from "@/lib/i18n/config";
import { InvitationLetters } from "@/components/members/invitation-letters";
import { PersonBanksSection, PersonConsentsSection, PersonEmploymentSection, PersonExportSection, PersonHeader, PersonInactiveNotice, PersonStatusSection } from "@/components/people/person-sections";
import { listMembers, listPersonInvitations } from "@/lib/members/queries";
import { getPerson } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

export default async function PersonPage({ params }: { params: Promise<{ org: string; personId: string }> }) {
  const { org, personId } = await params;
  const ctx = await requireTenant(org, "people.view");
  if (!/^[0-9a-f-]{36}$/.test(personId)) notFound();
  const manage = hasPermission(ctx.roles, "people.manage");
  const inviter = hasPermission(ctx.roles, "members.invite");
  const [person, memberships, invitations] = await readPage(ctx, (read) =>
    Promise.all([getPerson(read, personId), manage ? listMembers(read) : [], inviter ? listPersonInvitations(read, personId) : []]),
  );
  if (!person) notFound();
  const t = await getTranslations("people");
  const ta = await getTranslations("accounts");
  // Each member once, whatever their roles: the accounts a person of the school can be linked to.
  const members = manage ? [...new Map(memberships.map((m) => [m.user.id, { id: m.user.id, label: `${m.user.name} (${m.user.email})` }])).values()] : [];
  const locale = toLocale(await getLocale());
  const name = fullName(person);
  const today = organizationToday(ctx);
  return (
    <>
      <PersonHeader person={person} name={name} org={org} />
      <PersonInactiveNotice person={person} />
      <PersonStatusSection person={person} />
      <PersonBanksSection person={person} org={org} />
      <PersonEmploymentSection person={person} org={org} manage={manage} today={today} />
      {manage ? (
        <Section title={t("accountTitle")} id="account">
          <p className="mb-2 text-slate-700">{t("accountIntro")}</p>
          <LinkAccountForm org={org} personId={person.id} userId={person.userId} members={members} />
        </Section>
      ) : null}
      {inviter ? (
        <Section title={ta("person.title")} id="invitation">
          {person.userId ? <p className="mb-2">{ta("person.linked")}</p> : null}
          <InvitationLetters
            org={org}
            invitations={invitations}
            timeZone={ctx.organization.timeZone}
            manageable={invitableRoles(ctx.roles)}
            canRevoke={hasPermission(ctx.roles, "invitations.revoke")}
            deliver="email"
          />
        </Section>
      ) : null}
      {manage ? (
        <PersonExportSection personId={person.id} org={org} />
      ) : null}
      <PersonConsentsSection person={person} org={org} manage={manage} today={today} locale={locale} />
      <Section title={t("recordTitle")} id="record">
        <p className="mb-4 text-slate-700">{t("recordIntro")}</p>
        <RecordConsentForm org={org} personId={person.id} minor={person.minor} today={isoDate(today)} />
      </Section>
    </>
  );
}
