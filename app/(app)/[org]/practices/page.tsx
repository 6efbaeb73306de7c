import { getLocale, getTranslations } from "next-intl/server";
import { PracticeForm } from "@/components/practices/practice-form";
import { PracticeFilters, PracticeTable } from "@/components/practices/practice-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { toLocale } from "@/lib/i18n/config";
import { listCompletedPairs, listPractices } from "@/lib/practices/queries";
import { optionalParam, readPageParams, TextParam, type RawParams } from "@/lib/http/params";
import { z } from "zod";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("practices");
  return { title: t("title") };
}

const SearchInput = z.object({
  tag: optionalParam(TextParam(200)),
  kind: optionalParam(z.enum(["CASE", "MATERIAL"])),
  scope: optionalParam(z.enum(["own", "district"])),
});

export default async function PracticesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "practices.view");
  const { kind, scope, tag: rawTag } = readPageParams(SearchInput, await searchParams);
  const t = await getTranslations("practices");
  const locale = toLocale(await getLocale());
  const school = ctx.organization.kind === "SCHOOL";
  const tag = rawTag?.trim().slice(0, 40) || undefined;
  const canManage = hasPermission(ctx.roles, "practices.manage");
  const tv = await getTranslations("vocabulary");
  const [{ practices, tags }, completed] = await readPage(ctx, (read) =>
    Promise.all([listPractices(read, { tag, kind, scope }), canManage && school && hasPermission(ctx.roles, "pairs.view") ? listCompletedPairs(read) : Promise.resolve([])]),
  );
  const pairs = completed.map((p) => ({ id: p.id, label: `${p.people} (${[tv(`mentoringForm.${p.form}`), p.direction].filter(Boolean).join(", ")})` }));
  const filtered = Boolean(tag || kind || scope);
  const base = `/${org}`;

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{school ? t("intro") : t("introOffice")}</p>
      </PageHeader>

      <Section title={t("listCaption")} id="list">
        <PracticeFilters tags={tags} tag={tag} kind={kind} scope={scope} />
        {practices.length === 0 ? (
          <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
        ) : (
          <PracticeTable practices={practices} base={base} locale={locale} />
        )}
      </Section>

      {canManage ? (
        <Section title={t("createTitle")} id="create">
          {school && pairs.length === 0 ? (
            <div className="mb-4">
              <Notice kind="info">{t("noCompletedPairs")}</Notice>
            </div>
          ) : null}
          <PracticeForm org={org} pairs={pairs} />
        </Section>
      ) : null}
    </>
  );
}
