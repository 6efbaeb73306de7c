import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MentorBankTable } from "@/components/banks/bank-tables";
import { AddMentorForm } from "@/components/banks/mentor-forms";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { bankCandidates, listMentorsPage, MentorBankSearchInput } from "@/lib/banks/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { FilterSelect, ListFound, ListSearchForm, sortableHead } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { fullName } from "@/lib/domain/names";
import { toLocale } from "@/lib/i18n/config";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("mentorsTitle") };
}

const STATUSES = ["CANDIDATE", "TRAINED", "APPROVED", "LEFT"] as const;

export default async function MentorsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "banks.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("banks");
  const locale = toLocale(await getLocale());
  const manage = hasPermission(ctx.roles, "banks.manage");
  const { search, ignored } = readListParams(MentorBankSearchInput, await searchParams);
  const [list, candidates] = await readPage(ctx, (read) => Promise.all([listMentorsPage(read, search), manage ? bankCandidates(read, "mentor") : []]));
  const { rows, counts } = list;
  const filtered = Boolean(search.q || search.status);
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/mentors`, { q: search.q, status: search.status, sort: search.sort, page: list.page }, changes, "#bank");
  const { head, sorted } = sortableHead(
    [{ label: t("name"), sort: "name" }, { label: t("position") }, { label: t("competencies") }, { label: t("capacityShort"), sort: "capacity" }, { label: t("trainings") }, { label: t("status"), sort: "status" }, { label: t("district") }],
    sortOf(search.sort, "status"),
    (sort) => href({ sort }),
  );
  return (
    <>
      <PageHeader title={t("mentorsTitle")}>
        <p>{t("mentorsIntro")}</p>
        <p>{t("counts", counts)}</p>
        <p className="flex flex-wrap gap-4">
          <a href={`/${org}/mentors/export`} className="text-brand-700 underline">
            {t("exportXlsx")}
          </a>
          <a href={`/${org}/mentors/appointment-order`} className="text-brand-700 underline">
            {t("appointmentOrder")}
          </a>
          <PdfLink href={`/${org}/mentors/appointment-order`}>{t("appointmentOrderPdf")}</PdfLink>
          {hasPermission(ctx.roles, "incentives.view") ? (
            <Link href={`/${org}/mentors/incentives`} className="text-brand-700 underline">
              {t("incentives.link")}
            </Link>
          ) : null}
        </p>
        <p>
          <Link href={`/${org}/district-mentors`} className="text-brand-700 underline">
            {t("districtLink")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("caption")} id="bank">
        {list.total > 0 || filtered ? (
          <>
            <ListSearchForm action={`/${org}/mentors`} id="mentors" title={t("searchTitle")} q={search.q} qLabel={t("searchName")} sort={search.sort} resetHref={`/${org}/mentors#bank`}>
              <FilterSelect id="mentors-status" name="status" label={t("status")} value={search.status} any={t("statusAny")} options={STATUSES.map((s) => ({ value: s, label: t(`mentorStatus.${s}`) }))} />
            </ListSearchForm>
            <ListFound total={list.total} ignored={ignored} />
          </>
        ) : null}
        {rows.length === 0 ? (
          <p>{filtered ? t("searchNone") : t("empty")}</p>
        ) : (
          <MentorBankTable org={org} rows={rows} head={head} sorted={sorted} locale={locale} />
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
      {manage ? (
        <Section title={t("addMentorTitle")} id="add">
          {candidates.length === 0 ? (
            <p>{t("noCandidates")}</p>
          ) : (
            <AddMentorForm org={org} candidates={candidates.map((c) => ({ id: c.id, kind: c.kind, refused: c.refusal !== null, label: [fullName(c), c.position ?? c.grade].filter(Boolean).join(", ") }))} />
          )}
        </Section>
      ) : null}
    </>
  );
}
