import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LetterFiles } from "@/components/letters/letter-files";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { IdParam, readPageParams, type RawParams } from "@/lib/http/params";
import { listHref, readListParams } from "@/lib/http/list-search";
import { remindLetter } from "@/lib/letters/actions";
import { getOfficeLetterPage, LetterSchoolsSearchInput } from "@/lib/letters/queries";
import { FilterSelect, ListFound, ListSearchForm } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("letters");
  return { title: t("title") };
}

// One letter of the office: its text and files, each addressed school's read and acknowledgement, and the
// reminder to the schools that have not acknowledged.
export default async function DistrictLetterPage({ params, searchParams }: { params: Promise<{ org: string; letterId: string }>; searchParams: Promise<RawParams> }) {
  const { org, letterId } = readPageParams(z.object({ org: z.string(), letterId: IdParam }), await params);
  const ctx = await requireTenant(org, "letters.send");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const { search, ignored } = readListParams(LetterSchoolsSearchInput, await searchParams);
  const found = await readPage(ctx, (read) => getOfficeLetterPage(read, letterId, search));
  if (!found) notFound();
  const { letter, list } = found;
  const { read, acknowledged, total } = found.counts;
  const t = await getTranslations("letters");
  const zone = ctx.organization.timeZone;
  const base = `/${org}/district/letters/${letter.id}`;
  const href = (changes: Record<string, string | number>) => listHref(base, { q: search.q, state: search.state, page: list.page }, changes, "#schools");
  return (
    <>
      <PageHeader title={letter.subject}>
        <p>
          <Link href={`/${org}/district/letters`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("body")} id="text">
        <p className="text-sm text-slate-700">{formatDateTime(letter.sentAt, zone)}</p>
        <div className="mt-2 whitespace-pre-line">{letter.body}</div>
        <LetterFiles org={org} letterId={letter.id} files={letter.files} />
      </Section>
      <Section title={t("schoolsTitle")} id="schools">
        <p className="mb-2">
          {t("colRead")}: {t("of", { n: read, total })}; {t("colAcknowledged")}: {t("of", { n: acknowledged, total })}
        </p>
        <ListSearchForm action={base} id="letter-schools" title={t("schoolsSearch")} q={search.q} qLabel={t("colSchool")} resetHref={`${base}#schools`}>
          <FilterSelect id="letter-state" name="state" label={t("schoolsState")} value={search.state} any={t("schoolsStateAny")} options={(["unread", "unacknowledged"] as const).map((s) => ({ value: s, label: t(`schoolsStates.${s}`) }))} />
        </ListSearchForm>
        <ListFound total={list.total} ignored={ignored} />
        {list.rows.length === 0 ? <p>{t("schoolsNone")}</p> : null}
        <Table caption={t("schoolsCaption")} head={[t("colSchool"), t("colRead"), t("colAcknowledged")]}>
          {list.rows.map((s) => (
            <tr key={s.id}>
              <Td>{s.name}</Td>
              <Td>{s.readAt ? formatDateTime(s.readAt, zone) : t("notYet")}</Td>
              <Td>{s.acknowledgedAt ? formatDateTime(s.acknowledgedAt, zone) : t("notYet")}</Td>
            </tr>
          ))}
        </Table>
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
        {letter.remindedAt ? <p className="mt-2 text-sm text-slate-700">{t("remindedAt", { date: formatDateTime(letter.remindedAt, zone) })}</p> : null}
        {acknowledged < total ? (
          <div className="mt-3">
            <ActionButton action={remindLetter} input={{ org, letterId: letter.id }} label={t("remind")} done={t("reminded")} />
          </div>
        ) : null}
      </Section>
    </>
  );
}
