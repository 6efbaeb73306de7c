import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PdfLink } from "@/components/documents/pdf-link";
import { RevokeConsentForm } from "@/components/people/consent-forms";
import { CancelLeavingButton, HiredOnForm, LeavingForm } from "@/components/people/employment-forms";
import { AttachFile } from "@/components/ui/attach-file";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { isoDate } from "@/lib/domain/local-date";
import { formatCalendarDate, formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { readerWords } from "@/components/i18n/reader-words";
import { rewordLeavingNote } from "@/lib/people/leaving-words";
import { attachConsentScan } from "@/lib/people/actions";
import type { getPerson } from "@/lib/people/queries";
import { ACCEPT, DOCUMENT_MAX_BYTES } from "@/lib/uploads/limits";

// The sections of a person's card (app/(app)/[org]/people/[personId]/page.tsx), which reads the person once.

type PersonView = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

/**
 * Why the person is out of active work. The note a leaving stored (in Russian, lib/people/employment-actions.ts) is
 * worded again from the card's leaving in the reader's language; any other note (a revoked consent's) shows as stored.
 */
export async function PersonInactiveNotice({ person }: { person: PersonView }) {
  if (person.active || !person.inactiveReason) return null;
  const t = await getTranslations("people");
  const reason = rewordLeavingNote(person.inactiveReason, person, await readerWords());
  return (
    <div className="mb-6">
      <Notice kind="info">
        {t("inactive")}: {reason}
      </Notice>
    </div>
  );
}

/** The person's name, kind and position, with the way back to the list. */
export async function PersonHeader({ person, name, org }: { person: PersonView; name: string; org: string }) {
  const t = await getTranslations("people");
  return (
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
  );
}

/** What the person's consents allow, purpose by purpose. */
export async function PersonStatusSection({ person }: { person: PersonView }) {
  const t = await getTranslations("people");
  const te = await getTranslations("errors");
  return (
    <Section title={t("statusTitle")} id="status">
      <ul className="flex flex-col gap-2">
        {person.status.map((s) => (
          <li key={s.purpose}>
            <span className="font-medium">{t(`purposeTitles.${s.purpose}`)}:</span> {s.refusal ? te(s.refusal.key, s.refusal.values) : t("valid")}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The person's entries in the banks of mentees and mentors. */
export async function PersonBanksSection({ person, org }: { person: PersonView; org: string }) {
  const t = await getTranslations("people");
  const tb = await getTranslations("banks");
  return (
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
  );
}

/** When the person was hired and left; for those who manage people, the forms that record it. */
export async function PersonEmploymentSection({ person, org, manage, today }: { person: PersonView; org: string; manage: boolean; today: Date }) {
  const t = await getTranslations("people");
  const tv = await getTranslations("vocabulary");
  return (
    <Section title={t("employmentTitle")} id="employment">
      <p className="mb-3 text-slate-700">{t("employmentIntro")}</p>
      <p className="mb-2">{person.hiredOn ? t("hiredOnLine", { date: formatCalendarDate(person.hiredOn) }) : t("hiredOnUnknown")}</p>
      {person.leftOn && person.leaveReason ? (
        <p className="mb-2 font-medium">
          {t("leftLine", { date: formatCalendarDate(person.leftOn), reason: tv(`leaveReason.${person.leaveReason}`) })}
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
              <LeavingForm org={org} personId={person.id} today={isoDate(today)} />
            </div>
          )}
        </div>
      ) : null}
    </Section>
  );
}

/** The person's data as a document or a file (the subject's right of access). */
export async function PersonExportSection({ personId, org }: { personId: string; org: string }) {
  const t = await getTranslations("people");
  return (
        <Section title={t("exportTitle")} id="export">
          <p className="mb-2 text-slate-700">{t("exportIntro")}</p>
          <p className="flex gap-4">
            <a href={`/${org}/people/${personId}/export?format=docx`} className="text-brand-700 underline">
              {t("exportDocx")}
            </a>
            <PdfLink href={`/${org}/people/${personId}/export`}>{t("exportPdf")}</PdfLink>
            <a href={`/${org}/people/${personId}/export?format=json`} className="text-brand-700 underline">
              {t("exportJson")}
            </a>
          </p>
        </Section>
  );
}

/** The person's consents: their purposes, printed forms, scans, terms and revocation. */
export async function PersonConsentsSection({ person, org, manage, today, locale }: { person: PersonView; org: string; manage: boolean; today: Date; locale: AppLocale }) {
  const t = await getTranslations("people");
  return (
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
                    <p className="mt-1 text-sm">{t("printMissing", { missing: person.documentMissing.map((field) => t(`requisites.${field}`)).join(", ") })}</p>
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
                    <RevokeConsentForm org={org} consentId={c.id} label={`${t("revoke")}: ${formatDate(c.givenAt, locale)}`} today={isoDate(today)} />
                  </>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
