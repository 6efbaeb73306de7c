import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireTenant } from "@/lib/auth/tenant";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { myPairs } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("personalProgram");
  return { title: t("my.title") };
}

export default async function MyPairsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "pairs.own");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("personalProgram");
  const tm = await getTranslations("meetings");
  const tv = await getTranslations("vocabulary");
  const locale = toLocale(await getLocale());
  const { linked, pairs } = await myPairs(ctx);
  return (
    <>
      <PageHeader title={t("my.title")}>
        <p>{t("my.intro")}</p>
        <p>
          <Link href={`/${org}/cross-pairs`} className="text-brand-700 underline">
            {(await getTranslations("crossPairs"))("pairsLink")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("my.listTitle")} id="my-pairs">
        {pairs.length === 0 ? (
          <p>{linked ? t("my.emptyLinked") : t("my.emptyNotLinked")}</p>
        ) : (
          <Table caption={t("my.listTitle")} head={[t("my.role"), t("my.with"), t("my.form"), t("my.status"), t("my.progress"), t("actions")]}>
            {pairs.map((p) => {
              const label = p.others.join(", ");
              return (
                <tr key={p.id}>
                  <Td>{p.role === "mentor" ? t("my.asMentor") : t("my.asMentee")}</Td>
                  <Td>
                    {label || "—"}
                    {p.direction ? <span className="block text-sm text-slate-700">{p.direction}</span> : null}
                  </Td>
                  <Td>
                    {tv(`mentoringForm.${p.form}`)}
                    <span className="block text-sm text-slate-700">{tv(`mentoringType.${p.type}`)}</span>
                  </Td>
                  <Td>
                    {t(`pairStatuses.${p.status}`)}
                    {p.progress?.inactive ? <span className="block text-sm font-medium text-red-800">{t("my.inactive")}</span> : null}
                  </Td>
                  <Td>
                    {p.progress ? (
                      <ul className="text-sm">
                        <li>{p.progress.hasProgram ? tm("planProgressValue", { done: p.progress.itemsDone, total: p.progress.itemsTotal }) : tm("noProgram")}</li>
                        <li>
                          {t("my.meetings", { count: p.progress.meetings })}
                          {p.progress.lastMeetingOn ? `, ${t("my.last", { date: formatDate(p.progress.lastMeetingOn, locale) })}` : ""}
                        </li>
                      </ul>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td>
                    <span className="flex flex-col gap-1">
                      <Link href={`/${org}/pairs/${p.id}/program`} className="text-brand-700 underline">
                        {t("my.program")}
                        <span className="sr-only">: {label}</span>
                      </Link>
                      <Link href={`/${org}/pairs/${p.id}/meetings`} className="text-brand-700 underline">
                        {t("my.meetingsLink")}
                        <span className="sr-only">: {label}</span>
                      </Link>
                    </span>
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Section>
    </>
  );
}
