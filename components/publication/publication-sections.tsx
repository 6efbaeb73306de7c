import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewsForm } from "@/components/publication/news-form";
import { ActionButton } from "@/components/ui/action-button";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { isoDate, todayIn } from "@/lib/domain/local-date";
import { formatDate, formatDayIn } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { deleteNews, setActPublished, setNewsPublished, setPublicSection } from "@/lib/publication/actions";
import type { loadPublicationAdmin } from "@/lib/publication/queries";

// The sections of the publication controls (app/(app)/[org]/publication/page.tsx), which reads everything once.

type PublicationAdmin = Awaited<ReturnType<typeof loadPublicationAdmin>>;

/** Whether the section is on the site, the button that changes it and the link to see it. */
export async function PublicationStatusSection({ org, path, publishedAt, locale }: { org: string; path: string; publishedAt: Date | null | undefined; locale: AppLocale }) {
  const t = await getTranslations("publication");
  const published = Boolean(publishedAt);
  return (
    <Section title={t("statusTitle")} id="status">
      <div className="flex flex-col gap-3">
        <p>{published && publishedAt ? t("statusPublished", { date: formatDate(publishedAt, locale) }) : t("statusHidden")}</p>
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
  );
}

/** The school's acts and which of them the site shows. */
export async function PublicationActsSection({ acts, org, locale }: { acts: PublicationAdmin["acts"]; org: string; locale: AppLocale }) {
  const t = await getTranslations("publication");
  const tActs = await getTranslations("acts");
  return (
    <Section title={t("actsTitle")} id="acts">
      <p className="mb-4 max-w-3xl text-slate-700">{t("actsIntro")}</p>
      {acts.length === 0 ? (
        <p>{t("actsEmpty")}</p>
      ) : (
        <Table caption={t("actsCaption")} head={[t("act"), t("numberDate"), t("file"), t("onSite"), t("actions")]}>
          {acts.map((a) => (
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
  );
}

/** The news: each one's state, its edit form and buttons, and the form for a new one. */
export async function PublicationNewsSection({ news, org, at, timeZone }: { news: PublicationAdmin["news"]; org: string; at: Date; timeZone: string }) {
  const t = await getTranslations("publication");
  return (
    <Section title={t("newsTitle")} id="news">
      <div className="flex flex-col gap-6">
        {news.length === 0 ? (
          <p>{t("newsEmpty")}</p>
        ) : (
          <Table caption={t("newsCaption")} head={[t("newsHeading"), t("newsState"), t("actions")]}>
            {news.map((n) => {
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
                          news={{ id: n.id, title: n.title, body: n.body, publishedAt: n.publishedAt ? isoDate(todayIn(timeZone, n.publishedAt)) : "" }}
                        />
                      </div>
                    </details>
                  </Td>
                  <Td className="whitespace-nowrap">
                    {n.publishedAt === null
                      ? t("newsDraft")
                      : live
                        ? t("newsPublishedOn", { date: formatDayIn(n.publishedAt, timeZone) })
                        : t("newsScheduled", { date: formatDayIn(n.publishedAt, timeZone) })}
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
  );
}

/** The mentors the site shows and why the others are not shown. */
export async function PublicationMentorsSection({ mentors, org, seesPeople }: { mentors: PublicationAdmin["mentors"]; org: string; seesPeople: boolean }) {
  const t = await getTranslations("publication");
  const te = await getTranslations("errors");
  return (
    <Section title={t("mentorsTitle")} id="mentors">
      <p className="mb-4 max-w-3xl text-slate-700">{t("mentorsIntro")}</p>
      {mentors.length === 0 ? (
        <p>{t("mentorsEmpty")}</p>
      ) : (
        <Table caption={t("mentorsCaption")} head={[t("mentorName"), t("mentorPosition"), t("mentorShown"), t("mentorReason")]}>
          {mentors.map((m) => (
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
              <Td>{m.refusal ? te(m.refusal.key, m.refusal.values) : t("shownReason")}</Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
