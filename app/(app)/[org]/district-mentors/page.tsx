import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { DistrictMentorsSearchInput, listDistrictMentorsPage } from "@/lib/banks/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import { ListFound, ListSearchForm, sortableHead } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { tagLabels } from "@/components/banks/tag-labels";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks");
  return { title: t("districtTitle") };
}

// The district mentor bank («открытое наставничество»): for the municipal office and for the schools.
export default async function DistrictMentorsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "district.mentors");
  const { search, ignored } = readListParams(DistrictMentorsSearchInput, await searchParams);
  const t = await getTranslations("banks");
  const tv = await getTranslations("vocabulary");
  const list = await listDistrictMentorsPage(ctx, search);
  const mentors = list.rows;
  const href = (changes: Record<string, string | number>) => listHref(`/${org}/district-mentors`, { q: search.q, sort: search.sort, page: list.page }, changes, "#mentors");
  const { head, sorted } = sortableHead(
    [{ label: t("name"), sort: "name" }, { label: t("school"), sort: "school" }, { label: t("position") }, { label: t("competencies") }, { label: t("free"), sort: "free" }],
    sortOf(search.sort, "school"),
    (sort) => href({ sort }),
  );
  return (
    <>
      <PageHeader title={t("districtTitle")}>
        <p>{t("districtIntro")}</p>
        {ctx.organization.kind === "SCHOOL" && hasPermission(ctx.roles, "pairs.propose") ? (
          <p>
            <Link href={`/${org}/cross-pairs#propose`} className="text-brand-700 underline">
              {(await getTranslations("crossPairs"))("districtLink")}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <Section title={t("districtCaption")} id="mentors">
        {list.total > 0 || search.q ? (
          <>
            <ListSearchForm action={`/${org}/district-mentors`} id="district-mentors" title={t("searchTitle")} q={search.q} qLabel={t("districtSearchName")} sort={search.sort} resetHref={`/${org}/district-mentors#mentors`} />
            <ListFound total={list.total} ignored={ignored} />
          </>
        ) : null}
        {mentors.length === 0 ? (
          <p>{search.q ? t("searchNone") : t("districtEmpty")}</p>
        ) : (
          <Table caption={t("districtCaption")} head={head} sorted={sorted}>
            {mentors.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>{m.organizationName}</Td>
                <Td>{[m.position, m.subjects.join(", ")].filter(Boolean).join("; ") || "—"}</Td>
                <Td>{tagLabels(tv, "competency", m.competencies)}</Td>
                <Td>
                  {m.remainingCapacity} / {m.capacity}
                </Td>
              </tr>
            ))}
          </Table>
        )}
        <Pager page={list.page} pages={list.pages} from={list.from} to={list.to} total={list.total} href={(page) => href({ page })} />
      </Section>
    </>
  );
}
