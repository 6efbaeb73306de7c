import "server-only";
import { now } from "../clock";
import { done } from "../actions/action";
import { refuse } from "../actions/result";
import type { Tx } from "../db";
import { isoDate, startOfDayIn, todayIn } from "../domain/local-date";

// The bodies a public section's actions share: a school's (publication.*, news.*) and an office's (officeSite.*,
// officeNews.*, decision 060) — the same rows (PublicSection, News) in the acting organization's own scope.

type Org = { id: string; timeZone: string };

/** The calendar day chosen in the form is the same as the organization's day of an instant already stored. */
const sameDay = (calendarDate: Date, instant: Date, zone: string) => isoDate(calendarDate) === isoDate(todayIn(zone, instant));

export async function writeSection(tx: Tx, org: Org, input: { published?: boolean; intro?: string; contacts?: string }) {
  const organizationId = org.id;
  const existing = await tx.publicSection.findUnique({ where: { organizationId }, select: { publishedAt: true } });
  const publish = input.published ?? (existing?.publishedAt != null);
  const publishedAt = publish ? (existing?.publishedAt ?? now()) : null;
  const texts = {
    ...(input.intro !== undefined ? { intro: input.intro || null } : {}),
    ...(input.contacts !== undefined ? { contacts: input.contacts || null } : {}),
  };
  const section = await tx.publicSection.upsert({
    where: { organizationId },
    create: { organizationId, publishedAt, ...texts },
    update: { publishedAt, ...texts },
    select: { id: true, publishedAt: true },
  });
  return done(
    { published: section.publishedAt !== null, publishedAt: section.publishedAt },
    { targetType: "PublicSection", targetId: section.id, data: { published: section.publishedAt !== null, textsChanged: Object.keys(texts) } },
  );
}

export async function writeNews(tx: Tx, org: Org, authorId: string, input: { newsId: string | null; title: string; body: string; publishedAt: Date | null }) {
  const organizationId = org.id;
  const data = { title: input.title, body: input.body };
  const zone = org.timeZone;
  // A day chosen in the form is published from that day's start on the organization's clock (at 00:30 on 1 January in
  // Moscow, «today» is already 1 January — UTC midnight would hide the news until 03:00).
  const dayStart = input.publishedAt ? startOfDayIn(zone, input.publishedAt) : null;
  if (input.newsId) {
    const existing = await tx.news.findFirst({ where: { id: input.newsId, organizationId }, select: { id: true, publishedAt: true } });
    if (!existing) return refuse("NOT_FOUND", "notFound");
    // The form shows the day only: the same day keeps the moment it was published.
    const publishedAt = input.publishedAt && existing.publishedAt && sameDay(input.publishedAt, existing.publishedAt, zone) ? existing.publishedAt : dayStart;
    await tx.news.update({ where: { id: existing.id }, data: { ...data, publishedAt } });
    return done({ newsId: existing.id, published: publishedAt !== null }, { targetType: "News", targetId: existing.id, data: { title: input.title, published: publishedAt !== null } });
  }
  const news = await tx.news.create({ data: { ...data, organizationId, publishedAt: dayStart, authorId }, select: { id: true } });
  return done({ newsId: news.id, published: dayStart !== null }, { targetType: "News", targetId: news.id, data: { title: input.title, published: dayStart !== null } });
}

export async function removeNews(tx: Tx, org: Org, newsId: string) {
  const news = await tx.news.findFirst({ where: { id: newsId, organizationId: org.id }, select: { id: true, title: true } });
  if (!news) return refuse("NOT_FOUND", "notFound");
  await tx.news.delete({ where: { id: news.id } });
  return done({ newsId: news.id }, { targetType: "News", targetId: news.id, data: { title: news.title, deleted: true } });
}

