import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LeaveBankForm } from "@/components/banks/mentee-forms";
import { DistrictVisibilityForm, EditMentorForm } from "@/components/banks/mentor-forms";
import { MentorDutiesSection, MentorEntrySection, MentorHeader, MentorTrainingsSection } from "@/components/banks/mentor-sections";
import { ActionButton } from "@/components/ui/action-button";
import { BankLeftNotice } from "@/components/banks/left-notice";
import { Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { approveMentor } from "@/lib/banks/actions";
import { getMentor } from "@/lib/banks/queries";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export default async function MentorPage({ params }: { params: Promise<{ org: string; mentorId: string }> }) {
  const { org, mentorId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL" || !/^[0-9a-f-]{36}$/.test(mentorId)) notFound();
  const mentor = await getMentor(ctx, mentorId);
  if (!mentor) notFound();
  const t = await getTranslations("banks");
  const locale = toLocale(await getLocale());
  const active = mentor.status !== "LEFT";
  const manage = hasPermission(ctx.roles, "banks.manage") && active;
  const canApprove = hasPermission(ctx.roles, "mentors.approve");
  // The consent to additional duties is people's paperwork: the head records it too.
  const paperwork = hasPermission(ctx.roles, "people.manage");
  const today = isoDate(organizationToday(ctx));
  return (
    <>
      <MentorHeader mentor={mentor} org={org} seesPeople={hasPermission(ctx.roles, "people.view")} />
      {active ? null : <BankLeftNotice leftReason={mentor.leftReason} person={mentor.person} />}
      <MentorEntrySection mentor={mentor} locale={locale} />

      <MentorTrainingsSection mentor={mentor} org={org} manage={manage} today={today} locale={locale} />

      <MentorDutiesSection mentor={mentor} org={org} canRecord={active && paperwork} today={today} locale={locale} />

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
            <DistrictVisibilityForm org={org} mentorId={mentor.id} since={mentor.districtVisibleSince ? mentor.districtVisibleSince.toISOString().slice(0, 10) : null} today={today} />
          </Section>
          <Section title={t("leaveTitle")} id="leave">
            <LeaveBankForm org={org} entryId={mentor.id} bank="mentor" />
          </Section>
        </>
      ) : null}
    </>
  );
}
