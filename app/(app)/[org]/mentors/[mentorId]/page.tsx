import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LeaveBankForm } from "@/components/banks/mentee-forms";
import { DutiesConsentForm } from "@/components/banks/duties-consent-form";
import { DistrictVisibilityForm, EditMentorForm, RecordTrainingForm } from "@/components/banks/mentor-forms";
import { AttachFile } from "@/components/ui/attach-file";
import { attachDutiesConsentScan } from "@/lib/banks/duties-actions";
import { ACCEPT, DOCUMENT_MAX_BYTES } from "@/lib/uploads/limits";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { approveMentor } from "@/lib/banks/actions";
import { getMentor } from "@/lib/banks/queries";
import { MentorDistrictAwards } from "@/components/district-awards/mentor-awards";
import { COMPETENCY_TAGS, TRAINING_KINDS, type CompetencyTag } from "@/lib/domain/banks";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";

export default async function MentorPage({ params }: { params: Promise<{ org: string; mentorId: string }> }) {
  const { org, mentorId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL" || !/^[0-9a-f-]{36}$/.test(mentorId)) notFound();
  const mentor = await getMentor(ctx, mentorId);
  const tAwards = await getTranslations("districtAwards");
  if (!mentor) notFound();
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const locale = toLocale(await getLocale());
  const active = mentor.status !== "LEFT";
  const manage = hasPermission(ctx.roles, "banks.manage") && active;
  const canApprove = hasPermission(ctx.roles, "mentors.approve");
  // The consent to additional duties is people's paperwork: the head records it too.
  const paperwork = hasPermission(ctx.roles, "people.manage");
  const p = mentor.person;
  return (
    <>
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
          {hasPermission(ctx.roles, "people.view") ? (
            <Link href={`/${org}/people/${p.id}`} className="text-brand-700 underline">
              {t("personCard")}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      {!active && mentor.leftReason ? (
        <div className="mb-6">
          <Notice kind="info">{t("leftReason", { reason: mentor.leftReason })}</Notice>
        </div>
      ) : null}
      <Section title={t("caption")} id="entry">
        <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("competencies")}</dt>
          <dd>{mentor.competencies.length ? mentor.competencies.map((c) => COMPETENCY_TAGS[c as CompetencyTag] ?? c).join("; ") : "—"}</dd>
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

      <Section title={t("trainingsTitle")} id="trainings">
        {mentor.trainings.length === 0 ? (
          <p className="mb-3">{t("noTrainings")}</p>
        ) : (
          <Table caption={t("trainingsCaption")} head={[t("trainingKind"), t("trainingTitle"), t("finishedOn"), t("hours"), t("document")]}>
            {mentor.trainings.map((tr) => (
              <tr key={tr.id}>
                <Td>{TRAINING_KINDS[tr.kind]}</Td>
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
            <RecordTrainingForm org={org} mentorId={mentor.id} today={isoDate(organizationToday(ctx))} />
          </div>
        ) : null}
      </Section>

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
        {active && paperwork ? (
          <div className="flex flex-col gap-4">
            <DutiesConsentForm org={org} mentorId={mentor.id} givenAt={mentor.dutiesConsentAt ? isoDate(mentor.dutiesConsentAt) : null} today={isoDate(organizationToday(ctx))} />
            {mentor.dutiesConsentAt ? (
              <AttachFile action={attachDutiesConsentScan} fields={{ org, mentorId: mentor.id }} label={t("dutiesScanLabel")} submitLabel={t("dutiesScanAttach")} doneText={t("dutiesScanAttached")} accept={ACCEPT.consentScan} maxBytes={DOCUMENT_MAX_BYTES} />
            ) : null}
          </div>
        ) : null}
      </Section>

      <Section title={t("approveTitle")} id="approve">
        {mentor.status === "APPROVED" && mentor.approvedAt ? (
          <p>{t("approvedBy", { name: mentor.approvedBy?.name ?? "—", date: formatDate(mentor.approvedAt, locale) })}</p>
        ) : active && canApprove ? (
          <ActionButton action={approveMentor} input={{ org, mentorId: mentor.id }} label={t("approve")} confirm={t("approveConfirm")} done={t("approved")} />
        ) : (
          <p>{t("approveWaiting")}</p>
        )}
      </Section>

      {manage ? (
        <>
          <Section title={t("editTitle")} id="edit">
            <EditMentorForm org={org} mentorId={mentor.id} values={{ competencies: mentor.competencies, achievements: mentor.achievements, capacity: mentor.capacity }} />
          </Section>
          <Section title={t("districtTitle")} id="district">
            <p className="mb-3 text-sm text-slate-700">{t("districtIntro")}</p>
            <DistrictVisibilityForm org={org} mentorId={mentor.id} since={mentor.districtVisibleSince ? mentor.districtVisibleSince.toISOString().slice(0, 10) : null} today={isoDate(organizationToday(ctx))} />
          </Section>
          <Section title={t("leaveTitle")} id="leave">
            <LeaveBankForm org={org} entryId={mentor.id} bank="mentor" />
          </Section>
        </>
      ) : null}
    </>
  );
}
