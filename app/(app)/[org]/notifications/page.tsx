import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/reminders/actions";
import { listNotifications } from "@/lib/reminders/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "organization.view");
  const t = await getTranslations("notifications");
  // Each reminder is worded in the page's language (lib/reminders/text.ts).
  const { items, unread, total } = await listNotifications(ctx, toLocale(await getLocale()));
  const slug = ctx.organization.slug;
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
        {hasPermission(ctx.roles, "outbox.view") ? (
          <p className="mt-2">
            <Link href={`/${slug}/outbox`} className="text-brand-700 underline">
              {t("outboxLink")}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <Section title={t("listTitle")} id="notifications">
        {items.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <>
            <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
              <p>
                {t("unreadSummary", { count: unread, total })}
                {total > items.length ? ` ${t("shownOf", { shown: items.length, total })}` : null}
              </p>
              {unread > 0 ? (
                <ActionButton action={markAllNotificationsRead} input={{ org: slug, confirm: "all" as const }} label={t("markAllRead")} done={t("markedAllRead")} />
              ) : null}
            </div>
            <ul className="flex flex-col gap-3">
              {items.map((n) => (
                <li
                  key={n.id}
                  className={`rounded-md border px-4 py-3 ${n.readAt ? "border-slate-200 bg-white" : "border-brand-700 border-l-4 bg-brand-50"}`}
                >
                  <article aria-labelledby={`notification-${n.id}`} className="flex flex-col gap-1">
                    <p className="text-xs font-semibold tracking-wide text-slate-700 uppercase">
                      {n.readAt ? t("read") : t("unread")} · {t("received", { date: formatDateTime(n.createdAt, ctx.organization.timeZone) })}
                    </p>
                    <h3 id={`notification-${n.id}`} className={n.readAt ? "font-medium text-slate-900" : "font-semibold text-slate-900"}>
                      {n.title}
                    </h3>
                    <p className="text-sm text-slate-800">{n.body}</p>
                    <div className="mt-1 flex flex-wrap items-center gap-4">
                      {n.link ? (
                        <Link href={n.link} className="text-sm text-brand-700 underline">
                          {t("open")}
                          <span className="sr-only">: {n.title}</span>
                        </Link>
                      ) : null}
                      {n.readAt ? null : (
                        <ActionButton action={markNotificationRead} input={{ org: slug, reminderId: n.id }} label={t("markRead")} done={t("markedRead")} />
                      )}
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
