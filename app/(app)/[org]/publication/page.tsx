import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NewsForm } from "@/components/publication/news-form";
import { SectionTextsForm } from "@/components/publication/section-texts-form";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { publicPath } from "@/lib/domain/publication";
import { isoDate, todayIn } from "@/lib/domain/local-date";
import { formatDate, formatDayIn } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { deleteNews, setActPublished, setNewsPublished, setPublicSection } from "@/lib/publication/actions";
import { loadPublicationAdmin } from "@/lib/publication/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("publication");
  return { title: t("title") };
}


/** Publication controls of the school's public «Наставничество» section (publication.manage). */
export default async function PublicationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "publication.manage");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("publication");
  const tActs = await getTranslations("acts");
  const locale = toLocale(await getLocale());
  const at = now();
  const data = await loadPublicationAdmin(ctx, at);
  const published = Boolean(data.section?.publishedAt);
  const path = publicPath(ctx.organization.slug);
  const seesPeople = hasPermission(ctx.roles, "people.view");
  const seesPractices = hasPermission(ctx.roles, "practices.view");

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>
          {t("address")}{" "}
          <a href={path} className="text-brand-700 underline" data-testid="public-section-link">
            {path}
          </a>
        </p>
      </PageHeader>

      <Section title={t("statusTitle")} id="status">
        <div className="flex flex-col gap-3">
          <p>{published && data.section?.publishedAt ? t("statusPublished", { date: formatDate(data.section.publishedAt, locale) }) : t("statusHidden")}</p>
          <div className="flex flex-wrap items-start gap-4">
            {published ? (
              <ActionButton action={setPublicSection} input={{ org, published: false }} label={t("unpublish")} confirm={t("unpublishConfirm")} done={t("unpublishedDone")} variant="danger" />
            ) : (
              <ActionButton action={setPublicSection} input={{ org, published: true }} label={t("publish")} done={t("publishedDone")} />
            )}
            <a href={path} className="py-2 text-sm text-brand-700 underline">
              {published ? t("open") : t("preview")}
            </a>
          </div>
        </div>
      </Section>

      <Section title={t("textsTitle")} id="texts">
        <SectionTextsForm org={org} intro={data.section?.intro ?? ""} contacts={data.section?.contacts ?? ""} />
      </Section>

      <Section title={t("actsTitle")} id="acts">
        <p className="mb-4 max-w-3xl text-slate-700">{t("actsIntro")}</p>
        {data.acts.length === 0 ? (
          <p>{t("actsEmpty")}</p>
        ) : (
          <Table caption={t("actsCaption")} head={[t("act"), t("numberDate"), t("file"), t("onSite"), t("actions")]}>
            {data.acts.map((a) => (
              <tr key={a.id}>
                <Td>
                  {a.title}
                  <span className="block text-sm text-slate-700">{tActs(`kinds.${a.kind}`)}</span>
                </Td>
                <Td className="whitespace-nowrap">{a.number && a.date ? t("numberDateValue", { number: a.number, date: formatDate(a.date, locale) }) : a.date ? formatDate(a.date, locale) : "—"}</Td>
                <Td>{a.fileName ? t("hasFile", { size: Math.max(1, Math.round((a.fileSize ?? 0) / 1024)) }) : t("noFile")}</Td>
                <Td>{a.problem === "pairsOrder" ? t("actPairsOrder") : a.publishedOnSite ? t("actPublished") : t("actHidden")}</Td>
                <Td>
                  {a.publishedOnSite ? (
                    <ActionButton action={setActPublished} input={{ org, actId: a.id, published: false }} label={t("unpublishAct")} done={t("actUnpublishedDone")} />
                  ) : a.problem === null ? (
                    <ActionButton action={setActPublished} input={{ org, actId: a.id, published: true }} label={t("publishAct")} done={t("actPublishedDone")} />
                  ) : null}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t("newsTitle")} id="news">
        <div className="flex flex-col gap-6">
          {data.news.length === 0 ? (
            <p>{t("newsEmpty")}</p>
          ) : (
            <Table caption={t("newsCaption")} head={[t("newsHeading"), t("newsState"), t("actions")]}>
              {data.news.map((n) => {
                const live = n.publishedAt !== null && n.publishedAt <= at;
                return (
                  <tr key={n.id}>
                    <Td>
                      <span className="font-medium">{n.title}</span>
                      <details className="mt-2">
                        <summary className="cursor-pointer text-sm text-brand-700 underline">{t("newsEdit")}</summary>
                        <div className="mt-3">
                          <NewsForm
                            org={org}
                            label={t("newsEditLabel", { title: n.title })}
                            news={{ id: n.id, title: n.title, body: n.body, publishedAt: n.publishedAt ? isoDate(todayIn(ctx.organization.timeZone, n.publishedAt)) : "" }}
                          />
                        </div>
                      </details>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {n.publishedAt === null
                        ? t("newsDraft")
                        : live
                          ? t("newsPublishedOn", { date: formatDayIn(n.publishedAt, ctx.organization.timeZone) })
                          : t("newsScheduled", { date: formatDayIn(n.publishedAt, ctx.organization.timeZone) })}
                    </Td>
                    <Td>
                      <div className="flex flex-wrap items-start gap-2">
                        {live ? (
                          <ActionButton action={setNewsPublished} input={{ org, newsId: n.id, published: false }} label={t("newsUnpublish")} done={t("newsUnpublishedDone")} />
                        ) : (
                          <ActionButton action={setNewsPublished} input={{ org, newsId: n.id, published: true }} label={t("newsPublish")} done={t("newsPublishedDone")} />
                        )}
                        <ActionButton
                          action={deleteNews}
                          input={{ org, newsId: n.id }}
                          label={t("newsDelete")}
                          confirm={t("newsDeleteConfirm", { title: n.title })}
                          done={t("newsDeletedDone")}
                          variant="danger"
                        />
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </Table>
          )}
          <div className="flex flex-col gap-3">
            <h3 className="text-base font-semibold">{t("newsCreate")}</h3>
            <NewsForm org={org} label={t("newsCreate")} />
          </div>
        </div>
      </Section>

      <Section title={t("mentorsTitle")} id="mentors">
        <p className="mb-4 max-w-3xl text-slate-700">{t("mentorsIntro")}</p>
        {data.mentors.length === 0 ? (
          <p>{t("mentorsEmpty")}</p>
        ) : (
          <Table caption={t("mentorsCaption")} head={[t("mentorName"), t("mentorPosition"), t("mentorShown"), t("mentorReason")]}>
            {data.mentors.map((m) => (
              <tr key={m.id}>
                <Td>
                  {m.name}
                  {seesPeople && m.refusal ? (
                    <Link href={`/${org}/people/${m.personId}`} className="block text-sm text-brand-700 underline">
                      {t("consentLink")}
                    </Link>
                  ) : null}
                </Td>
                <Td>{m.position ?? "—"}</Td>
                <Td>{m.refusal ? t("shownNo") : t("shownYes")}</Td>
                <Td>{m.refusal ?? t("shownReason")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t("practicesTitle")} id="practices">
        <p>{t("practicesInfo", { count: data.publishedPractices })}</p>
        {seesPractices ? (
          <p className="mt-2">
            <Link href={`/${org}/practices`} className="text-brand-700 underline">
              {t("practicesLink")}
            </Link>
          </p>
        ) : null}
      </Section>
    </>
  );
}
