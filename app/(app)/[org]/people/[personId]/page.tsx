import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkAccountForm, RecordConsentForm, RevokeConsentForm } from "@/components/people/consent-forms";
import { CancelLeavingButton, HiredOnForm, LeavingForm } from "@/components/people/employment-forms";
import { AttachFile } from "@/components/ui/attach-file";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission, invitableRoles } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { fullName } from "@/lib/domain/names";
import { formatCalendarDate, formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { InvitationLetters } from "@/components/members/invitation-letters";
import { listMembers, listPersonInvitations } from "@/lib/members/queries";
import { attachConsentScan } from "@/lib/people/actions";
import { getPerson } from "@/lib/people/queries";
import { ACCEPT, DOCUMENT_MAX_BYTES } from "@/lib/uploads/limits";
import { PdfLink } from "@/components/documents/pdf-link";

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
  const tb = await getTranslations("banks");
  const ta = await getTranslations("accounts");
  // Each member once, whatever their roles: the accounts a person of the school can be linked to.
  const members = manage ? [...new Map(memberships.map((m) => [m.user.id, { id: m.user.id, label: `${m.user.name} (${m.user.email})` }])).values()] : [];
  const locale = toLocale(await getLocale());
  const name = fullName(person);
  return (
    <>
      <PageHeader title={name}>
        <p>
          {t(`kinds.${person.kind}`)}
          {person.minor ? `, ${t("minor")}` : ""}
          {person.active ? [person.position, person.grade].filter(Boolean).map((v) => `, ${v}`).join("") : ""}
        </p>
        <p>
          <Link href={`/${org}/people`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      {!person.active && person.inactiveReason ? (
        <div className="mb-6">
          <Notice kind="info">
            {t("inactive")}: {person.inactiveReason}
          </Notice>
        </div>
      ) : null}
      <Section title={t("statusTitle")} id="status">
        <ul className="flex flex-col gap-2">
          {person.status.map((s) => (
            <li key={s.purpose}>
              <span className="font-medium">{t(`purposeTitles.${s.purpose}`)}:</span> {s.refusal ?? t("valid")}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t("banksTitle")} id="banks">
        <ul className="flex flex-col gap-2">
          {person.menteeProfile ? (
            <li>
              <Link href={`/${org}/mentees/${person.menteeProfile.id}`} className="text-brand-700 underline">
                {t("inMenteeBank")}
              </Link>{" "}
              ({tb(`menteeStatus.${person.menteeProfile.status}`)})
            </li>
          ) : null}
          {person.mentorProfile ? (
            <li>
              <Link href={`/${org}/mentors/${person.mentorProfile.id}`} className="text-brand-700 underline">
                {t("inMentorBank")}
              </Link>{" "}
              ({tb(`mentorStatus.${person.mentorProfile.status}`)})
            </li>
          ) : null}
          {!person.menteeProfile && !person.mentorProfile ? <li>{t("notInBanks")}</li> : null}
        </ul>
      </Section>
      <Section title={t("employmentTitle")} id="employment">
        <p className="mb-3 text-slate-700">{t("employmentIntro")}</p>
        <p className="mb-2">{person.hiredOn ? t("hiredOnLine", { date: formatCalendarDate(person.hiredOn) }) : t("hiredOnUnknown")}</p>
        {person.leftOn && person.leaveReason ? (
          <p className="mb-2 font-medium">
            {t("leftLine", { date: formatCalendarDate(person.leftOn), reason: t(`leaveReasons.${person.leaveReason}`) })}
            {person.leaveNote ? ` (${person.leaveNote})` : ""}
          </p>
        ) : null}
        {manage ? (
          <div className="flex flex-col gap-4">
            <HiredOnForm org={org} personId={person.id} hiredOn={person.hiredOn ? isoDate(person.hiredOn) : ""} />
            {/* Mounted either way, so that «Выбытие отменено.» stays when the withdrawal re-renders the card. */}
            <CancelLeavingButton org={org} personId={person.id} gone={!person.leftOn} />
            {person.leftOn ? null : (
              <div>
                <h3 className="mb-2 font-medium">{t("leavingTitle")}</h3>
                <LeavingForm org={org} personId={person.id} today={isoDate(organizationToday(ctx))} />
              </div>
            )}
          </div>
        ) : null}
      </Section>
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
        <Section title={t("exportTitle")} id="export">
          <p className="mb-2 text-slate-700">{t("exportIntro")}</p>
          <p className="flex gap-4">
            <a href={`/${org}/people/${person.id}/export?format=docx`} className="text-brand-700 underline">
              {t("exportDocx")}
            </a>
            <PdfLink href={`/${org}/people/${person.id}/export`}>{t("exportPdf")}</PdfLink>
            <a href={`/${org}/people/${person.id}/export?format=json`} className="text-brand-700 underline">
              {t("exportJson")}
            </a>
          </p>
        </Section>
      ) : null}
      <Section title={t("consentsTitle")} id="consents">
        {person.consents.length === 0 ? (
          <p>—</p>
        ) : (
          <Table caption={t("consentsCaption")} head={[t("purposesLegend"), t("given"), t("by"), t("term"), t("state")]}>
            {person.consents.map((c) => (
              <tr key={c.id}>
                <Td>
                  {c.purposes.map((p) => t(`purposes.${p}`)).join(", ")}
                  {c.purposes.includes("PUBLICATION") ? <p className="mt-1 text-sm">{t("publicAllowed", { fields: c.publicFields.map((f) => t(`publicFields.${f}`)).join(", ") || "—" })}</p> : null}
                  {manage ? (
                    person.documentMissing.length > 0 ? (
                      <p className="mt-1 text-sm">{t("printMissing", { missing: person.documentMissing.join(", ") })}</p>
                    ) : (
                      <ul className="mt-1 text-sm" aria-label={t("printForms")}>
                        {c.purposes.map((p) => (
                          <li key={p}>
                            <a href={`/${org}/people/consents/${c.id}/document?purpose=${p}`} className="text-brand-700 underline">
                              {t("printForm", { purpose: t(`purposes.${p}`) })}
                            </a>{" "}
                            <PdfLink href={`/${org}/people/consents/${c.id}/document?purpose=${p}`}>{t("printFormPdf", { purpose: t(`purposes.${p}`) })}</PdfLink>
                          </li>
                        ))}
                      </ul>
                    )
                  ) : null}
                </Td>
                <Td>{formatDate(c.givenAt, locale)}</Td>
                <Td>{c.givenBy === "SUBJECT" ? t("self") : t("representative", { name: c.representativeName ?? "" })}</Td>
                <Td>
                  {c.validUntil ? formatDate(c.validUntil, locale) : t("unlimited")}
                  <div className="mt-2">
                    {c.fileName ? (
                      <a href={`/${org}/people/consents/${c.id}/file`} className="text-brand-700 underline">
                        {t("openScan")}
                      </a>
                    ) : manage ? (
                      <AttachFile action={attachConsentScan} fields={{ org, consentId: c.id }} label={t("scanLabel")} submitLabel={t("attachScan")} doneText={t("scanAttached")} accept={ACCEPT.consentScan} maxBytes={DOCUMENT_MAX_BYTES} />
                    ) : null}
                  </div>
                </Td>
                <Td>
                  {c.revokedAt ? (
                    t("revoked", { date: formatDate(c.revokedAt, locale), reason: c.revocationReason ?? "" })
                  ) : (
                    <>
                      <p className="mb-2">{t("active")}</p>
                      <RevokeConsentForm org={org} consentId={c.id} label={`${t("revoke")}: ${formatDate(c.givenAt, locale)}`} today={isoDate(organizationToday(ctx))} />
                    </>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section title={t("recordTitle")} id="record">
        <p className="mb-4 text-slate-700">{t("recordIntro")}</p>
        <RecordConsentForm org={org} personId={person.id} minor={person.minor} today={isoDate(organizationToday(ctx))} />
      </Section>
    </>
  );
}
