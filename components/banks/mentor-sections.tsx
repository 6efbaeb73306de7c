import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DutiesConsentForm } from "@/components/banks/duties-consent-form";
import { RecordTrainingForm } from "@/components/banks/mentor-forms";
import { tagLabels } from "@/components/banks/tag-labels";
import { MentorDistrictAwards } from "@/components/district-awards/mentor-awards";
import { PdfLink } from "@/components/documents/pdf-link";
import { AttachFile } from "@/components/ui/attach-file";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { attachDutiesConsentScan } from "@/lib/banks/duties-actions";
import type { getMentor } from "@/lib/banks/queries";
import { isoDate } from "@/lib/domain/local-date";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { ACCEPT, DOCUMENT_MAX_BYTES } from "@/lib/uploads/limits";

// The sections of a mentor's card in the bank (app/(app)/[org]/mentors/[mentorId]/page.tsx), which reads it once.

type MentorView = NonNullable<Awaited<ReturnType<typeof getMentor>>>;

/** The mentor's name, position, subjects and status, with the links back to the bank and to the person's card. */
export async function MentorHeader({ mentor, org, seesPeople }: { mentor: MentorView; org: string; seesPeople: boolean }) {
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const p = mentor.person;
  return (
    <PageHeader title={fullName(p)}>
      <p>
        {tp(`kinds.${p.kind}`)}
        {[p.position ?? p.externalOrganization, p.subjects.join(", "), p.experienceYears !== null ? t("experience", { years: p.experienceYears }) : null, p.qualificationCategory]
          .filter(Boolean)
          .map((v) => `, ${v}`)
          .join("")}{" "}
        · {t("mentorsTitle")}: {t(`mentorStatus.${mentor.status}`)}
      </p>
      <p className="flex gap-4">
        <Link href={`/${org}/mentors`} className="text-brand-700 underline">
          {t("back")}
        </Link>
        {seesPeople ? (
          <Link href={`/${org}/people/${p.id}`} className="text-brand-700 underline">
            {t("personCard")}
          </Link>
        ) : null}
      </p>
    </PageHeader>
  );
}

/** The bank entry: competencies, achievements, district awards, capacity and whether the district sees the mentor. */
export async function MentorEntrySection({ mentor, locale }: { mentor: MentorView; locale: AppLocale }) {
  const t = await getTranslations("banks");
  const tAwards = await getTranslations("districtAwards");
  const tv = await getTranslations("vocabulary");
  return (
    <Section title={t("caption")} id="entry">
      <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("competencies")}</dt>
        <dd>{tagLabels(tv, "competency", mentor.competencies)}</dd>
        <dt className="font-medium">{t("achievements")}</dt>
        <dd className="whitespace-pre-line">{mentor.achievements ?? "—"}</dd>
        <dt className="font-medium">{tAwards("cardLabel")}</dt>
        <dd>{mentor.districtAwards.length ? <MentorDistrictAwards awards={mentor.districtAwards} /> : "—"}</dd>
        <dt className="font-medium">{t("capacity")}</dt>
        <dd>{mentor.capacity}</dd>
        <dt className="font-medium">{t("district")}</dt>
        <dd>{mentor.districtVisibleSince ? t("districtYes", { date: formatDate(mentor.districtVisibleSince, locale) }) : t("districtNo")}</dd>
      </dl>
      <p className="mt-3 text-sm text-slate-700">{t("addedBy", { name: mentor.addedBy.name, date: formatDate(mentor.createdAt, locale) })}</p>
    </Section>
  );
}

/** The mentor's trainings and, for those who manage the bank, the form that records one. */
export async function MentorTrainingsSection({ mentor, org, manage, today, locale }: { mentor: MentorView; org: string; manage: boolean; today: string; locale: AppLocale }) {
  const t = await getTranslations("banks");
  const tv = await getTranslations("vocabulary");
  return (
    <Section title={t("trainingsTitle")} id="trainings">
      {mentor.trainings.length === 0 ? (
        <p className="mb-3">{t("noTrainings")}</p>
      ) : (
        <Table caption={t("trainingsCaption")} head={[t("trainingKind"), t("trainingTitle"), t("finishedOn"), t("hours"), t("document")]}>
          {mentor.trainings.map((tr) => (
            <tr key={tr.id}>
              <Td>{tv(`trainingKind.${tr.kind}`)}</Td>
              <Td>{tr.title}</Td>
              <Td>{formatDate(tr.finishedOn, locale)}</Td>
              <Td>{tr.hours ?? "—"}</Td>
              <Td>{tr.document ?? "—"}</Td>
            </tr>
          ))}
        </Table>
      )}
      {manage ? (
        <div className="mt-4">
          <RecordTrainingForm org={org} mentorId={mentor.id} today={today} />
        </div>
      ) : null}
    </Section>
  );
}

/** The consent to additional duties: its state, its printed form, its scan and the form that records it. */
export async function MentorDutiesSection({ mentor, org, canRecord, today, locale }: { mentor: MentorView; org: string; canRecord: boolean; today: string; locale: AppLocale }) {
  const t = await getTranslations("banks");
  return (
    <Section title={t("dutiesTitle")} id="duties">
      <p className="mb-3 text-sm text-slate-700">{t("dutiesIntro")}</p>
      <p className="mb-3">{mentor.dutiesConsentAt ? t("dutiesState", { date: formatDate(mentor.dutiesConsentAt, locale) }) : t("dutiesNone")}</p>
      <p className="mb-3 flex flex-wrap gap-4">
        <a href={`/${org}/mentors/${mentor.id}/duties-consent`} className="text-brand-700 underline">
          {t("dutiesPrint")}
        </a>
        <PdfLink href={`/${org}/mentors/${mentor.id}/duties-consent`}>{t("dutiesPrintPdf")}</PdfLink>
        {mentor.dutiesConsentFileName ? (
          <a href={`/${org}/mentors/${mentor.id}/duties-consent/file`} className="text-brand-700 underline">
            {t("dutiesScanOpen")}
          </a>
        ) : null}
      </p>
      {canRecord ? (
        <div className="flex flex-col gap-4">
          <DutiesConsentForm org={org} mentorId={mentor.id} givenAt={mentor.dutiesConsentAt ? isoDate(mentor.dutiesConsentAt) : null} today={today} />
          {mentor.dutiesConsentAt ? (
            <AttachFile action={attachDutiesConsentScan} fields={{ org, mentorId: mentor.id }} label={t("dutiesScanLabel")} submitLabel={t("dutiesScanAttach")} doneText={t("dutiesScanAttached")} accept={ACCEPT.consentScan} maxBytes={DOCUMENT_MAX_BYTES} />
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
