"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { actPublicationProblem } from "../domain/publication";
import { isoDate, startOfDayIn, todayIn } from "../domain/local-date";
import { DeleteNewsInput, SaveNewsInput, SetActInput, SetNewsPublishedInput, SetSectionInput } from "./schemas";

// The public «Наставничество» section (seed 002 §6.1.2): the director or the curator publishes it, chooses
// the approved local acts shown there and writes the news. Only schools keep such a section.

const notSchool = () => refuse("FORBIDDEN", "publicationNotSchool");
/** The calendar day chosen in the form is the same as the organization's day of an instant already stored. */
const sameDay = (calendarDate: Date, instant: Date, zone: string) => isoDate(calendarDate) === isoDate(todayIn(zone, instant));

export const setPublicSection = defineAction({
  name: "publication.setSection",
  scope: "tenant",
  permission: "publication.manage",
  input: SetSectionInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return notSchool();
    const organizationId = ctx.organization.id;
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
  },
});

export const setActPublished = defineAction({
  name: "publication.setAct",
  scope: "tenant",
  permission: "publication.manage",
  input: SetActInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return notSchool();
    const organizationId = ctx.organization.id;
    const act = await tx.localAct.findFirst({ where: { id: input.actId, organizationId }, select: { id: true, kind: true, status: true, title: true } });
    if (!act) return refuse("NOT_FOUND", "notFound");
    if (input.published) {
      const problem = actPublicationProblem(act);
      if (problem === "pairsOrder") return refuse("CONFLICT", "publicationPairsOrder");
      if (problem === "notApproved") return refuse("CONFLICT", "publicationActNotApproved");
    }
    await tx.localAct.update({ where: { id: act.id }, data: { publishedOnSite: input.published } });
    return done({ actId: act.id, published: input.published }, { targetType: "LocalAct", targetId: act.id, data: { publishedOnSite: input.published, title: act.title } });
  },
});

export const saveNews = defineAction({
  name: "news.save",
  scope: "tenant",
  idempotent: true,
  permission: "publication.manage",
  input: SaveNewsInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return notSchool();
    const organizationId = ctx.organization.id;
    const data = { title: input.title, body: input.body };
    const zone = ctx.organization.timeZone;
    // A day chosen in the form is published from that day's start on the school's clock (at 00:30 on 1 January in
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
    const news = await tx.news.create({ data: { ...data, organizationId, publishedAt: dayStart, authorId: ctx.user.id }, select: { id: true } });
    return done({ newsId: news.id, published: dayStart !== null }, { targetType: "News", targetId: news.id, data: { title: input.title, published: dayStart !== null } });
  },
});

export const setNewsPublished = defineAction({
  name: "news.setPublished",
  scope: "tenant",
  permission: "publication.manage",
  input: SetNewsPublishedInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return notSchool();
    const organizationId = ctx.organization.id;
    const news = await tx.news.findFirst({ where: { id: input.newsId, organizationId }, select: { id: true, publishedAt: true } });
    if (!news) return refuse("NOT_FOUND", "notFound");
    const at = now();
    // Publishing now also brings forward an item dated in the future.
    const publishedAt = input.published ? (news.publishedAt && news.publishedAt <= at ? news.publishedAt : at) : null;
    await tx.news.update({ where: { id: news.id }, data: { publishedAt } });
    return done({ newsId: news.id, publishedAt }, { targetType: "News", targetId: news.id, data: { published: input.published } });
  },
});

export const deleteNews = defineAction({
  name: "news.delete",
  scope: "tenant",
  permission: "publication.manage",
  input: DeleteNewsInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return notSchool();
    const news = await tx.news.findFirst({ where: { id: input.newsId, organizationId: ctx.organization.id }, select: { id: true, title: true } });
    if (!news) return refuse("NOT_FOUND", "notFound");
    await tx.news.delete({ where: { id: news.id } });
    return done({ newsId: news.id }, { targetType: "News", targetId: news.id, data: { title: news.title, deleted: true } });
  },
});
