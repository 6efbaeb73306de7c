import { getTranslations } from "next-intl/server";
import { NewsForm } from "@/components/publication/news-form";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { isoDate, todayIn } from "@/lib/domain/local-date";
import { formatDate, formatDayIn } from "@/lib/format";
import { deleteOfficeDocument, deleteOfficeNews, setOfficeDocumentPublished } from "@/lib/office-site/actions";
import type { OfficeSiteAdmin } from "@/lib/office-site/queries";

/** The office's documents: kind, number and date, the file, shown on the site or not (decision 060). */
export async function OfficeDocumentsTable({ org, documents }: { org: string; documents: OfficeSiteAdmin["documents"] }) {
  const t = await getTranslations("officeSite");
  const tv = await getTranslations("vocabulary");
  if (documents.length === 0) return <p>{t("documentsEmpty")}</p>;
  return (
    <Table caption={t("documentsCaption")} head={[t("documentTitle"), t("documentNumberDate"), t("documentOnSiteColumn"), t("actions")]}>
      {documents.map((d) => (
        <tr key={d.id}>
          <Td>
            {d.title}
            <span className="block text-sm text-slate-700">
              {tv(`officeDocumentKind.${d.kind}`)} · {t("documentFileSize", { name: d.fileName, size: Math.max(1, Math.round(d.fileSize / 1024)) })}
            </span>
          </Td>
          <Td className="whitespace-nowrap">{d.number ? t("numberDateValue", { number: d.number, date: formatDate(d.issuedOn) }) : formatDate(d.issuedOn)}</Td>
          <Td>{d.publishedOnSite ? t("documentShown") : t("documentHidden")}</Td>
          <Td>
            <div className="flex flex-wrap items-start gap-2">
              <ActionButton
                action={setOfficeDocumentPublished}
                input={{ org, officeDocumentId: d.id, published: !d.publishedOnSite }}
                label={d.publishedOnSite ? t("documentUnpublish") : t("documentPublish")}
                done={d.publishedOnSite ? t("documentUnpublishedDone") : t("documentPublishedDone")}
              />
              <ActionButton action={deleteOfficeDocument} input={{ org, officeDocumentId: d.id }} label={t("documentDelete")} confirm={t("documentDeleteConfirm", { title: d.title })} done={t("documentDeletedDone")} variant="danger" />
            </div>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

/** The office's news and announcements: edit (the date publishes), delete; a new one below. */
export async function OfficeNewsTable({ org, news, timeZone, at }: { org: string; news: OfficeSiteAdmin["news"]; timeZone: string; at: Date }) {
  const t = await getTranslations("publication");
  return (
    <div className="flex flex-col gap-6">
      {news.length === 0 ? (
        <p>{t("newsEmpty")}</p>
      ) : (
        <Table caption={t("newsCaption")} head={[t("newsHeading"), t("newsState"), t("actions")]}>
          {news.map((n) => (
            <tr key={n.id}>
              <Td>
                <span className="font-medium">{n.title}</span>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-brand-700 underline">{t("newsEdit")}</summary>
                  <div className="mt-3">
                    <NewsForm office org={org} label={t("newsEditLabel", { title: n.title })} news={{ id: n.id, title: n.title, body: n.body, publishedAt: n.publishedAt ? isoDate(todayIn(timeZone, n.publishedAt)) : "" }} />
                  </div>
                </details>
              </Td>
              <Td className="whitespace-nowrap">
                {n.publishedAt === null
                  ? t("newsDraft")
                  : n.publishedAt <= at
                    ? t("newsPublishedOn", { date: formatDayIn(n.publishedAt, timeZone) })
                    : t("newsScheduled", { date: formatDayIn(n.publishedAt, timeZone) })}
              </Td>
              <Td>
                <ActionButton action={deleteOfficeNews} input={{ org, newsId: n.id }} label={t("newsDelete")} confirm={t("newsDeleteConfirm", { title: n.title })} done={t("newsDeletedDone")} variant="danger" />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <div className="flex flex-col gap-3">
        <h3 className="text-base font-semibold">{t("newsCreate")}</h3>
        <NewsForm office org={org} label={t("newsCreate")} />
      </div>
    </div>
  );
}
