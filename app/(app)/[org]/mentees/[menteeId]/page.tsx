import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EditMenteeForm, LeaveBankForm } from "@/components/banks/mentee-forms";
import { tagLabels } from "@/components/banks/tag-labels";
import { ActionButton } from "@/components/ui/action-button";
import { BankLeftNotice } from "@/components/banks/left-notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { approveMentees } from "@/lib/banks/mentee-approval-actions";
import { getMentee } from "@/lib/banks/queries";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export default async function MenteePage({ params }: { params: Promise<{ org: string; menteeId: string }> }) {
  const { org, menteeId } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL" || !/^[0-9a-f-]{36}$/.test(menteeId)) notFound();
  const mentee = await getMentee(ctx, menteeId);
  if (!mentee) notFound();
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const tv = await getTranslations("vocabulary");
  const locale = toLocale(await getLocale());
  const manage = hasPermission(ctx.roles, "banks.manage") && mentee.status !== "LEFT";
  return (
    <>
      <PageHeader title={fullName(mentee.person)}>
        <p>
          {tp(`kinds.${mentee.person.kind}`)}
          {mentee.person.minor ? `, ${tp("minor")}` : ""} · {t("menteesTitle")}: {t(`menteeStatus.${mentee.status}`)}
        </p>
        <p className="flex gap-4">
          <Link href={`/${org}/mentees`} className="text-brand-700 underline">
            {t("back")}
          </Link>
          {hasPermission(ctx.roles, "people.view") ? (
            <Link href={`/${org}/people/${mentee.person.id}`} className="text-brand-700 underline">
              {t("personCard")}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      {mentee.status === "LEFT" ? <BankLeftNotice leftReason={mentee.leftReason} person={mentee.person} /> : null}
      <Section title={t("caption")} id="entry">
        <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("category")}</dt>
          <dd>{mentee.category ? tv(`menteeCategory.${mentee.category}`) : t("sensitiveHidden")}</dd>
          {mentee.sensitive ? (
            <>
              <dt className="font-medium">{t("difficulties")}</dt>
              <dd>{tagLabels(tv, "difficulty", mentee.difficulties)}</dd>
              <dt className="font-medium">{t("request")}</dt>
              <dd className="whitespace-pre-line">{mentee.request ?? "—"}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("source")}</dt>
          <dd>{tv(`informationSource.${mentee.source}`)}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">{t("addedBy", { name: mentee.addedBy.name, date: formatDate(mentee.createdAt, locale) })}</p>
        {mentee.fromRecipientId ? <p className="text-sm text-slate-700">{t("fromSurvey")}</p> : null}
      </Section>
      <Section title={t("approval.title")} id="approve">
        {mentee.approvedAt ? (
          <p>{t("approvedBy", { name: mentee.approvedBy?.name ?? "—", date: formatDate(mentee.approvedAt, locale) })}</p>
        ) : mentee.status !== "LEFT" && hasPermission(ctx.roles, "mentors.approve") ? (
          <ActionButton action={approveMentees} input={{ org, menteeIds: [mentee.id] }} label={t("approval.approveOne")} done={t("approval.menteesApproved", { count: 1 })} />
        ) : (
          <p>{t("approval.menteeWaiting")}</p>
        )}
      </Section>
      {manage && mentee.category ? (
        <>
          <Section title={t("editTitle")} id="edit">
            <EditMenteeForm org={org} menteeId={mentee.id} kind={mentee.person.kind} values={{ category: mentee.category, difficulties: mentee.difficulties, request: mentee.request, source: mentee.source }} />
          </Section>
          <Section title={t("leaveTitle")} id="leave">
            <LeaveBankForm org={org} entryId={mentee.id} bank="mentee" />
          </Section>
        </>
      ) : null}
    </>
  );
}
