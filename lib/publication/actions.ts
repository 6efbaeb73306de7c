"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { actPublicationProblem } from "../domain/publication";
import { removeNews, writeNews, writeSection } from "./writes";
import { DeleteNewsInput, SaveNewsInput, SetActInput, SetNewsPublishedInput, SetSectionInput } from "./schemas";

// The public «Наставничество» section (seed 002 §6.1.2): the director or the curator publishes it, chooses
// the approved local acts shown there and writes the news. Only schools keep such a section.

const notSchool = () => refuse("FORBIDDEN", "publicationNotSchool");

export const setPublicSection = defineAction({
  name: "publication.setSection",
  scope: "tenant",
  permission: "publication.manage",
  input: SetSectionInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return notSchool();
    return writeSection(tx, ctx.organization, input);
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
    return writeNews(tx, ctx.organization, ctx.user.id, input);
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
    return removeNews(tx, ctx.organization, input.newsId);
  },
});
