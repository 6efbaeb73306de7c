"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import { officeDocumentDateRefusal } from "../domain/district-recognition";
import { DeleteNewsInput, SaveNewsInput, SetSectionInput } from "../publication/schemas";
import { removeNews, writeNews, writeSection } from "../publication/writes";
import { DeleteOfficeDocumentInput, SetOfficeDocumentInput, UploadOfficeDocumentInput } from "./schemas";

// The office's public «Наставничество» section (issue #17 item 5, docs/decisions/060): the methodist publishes it,
// uploads the municipal regulation and roadmap and chooses which are shown, writes the news and announcements. The
// rows are the office's own (PublicSection, News, OfficeDocument in the office's scope); schools keep theirs with
// publication.* and news.*.

const officeOnly = () => refuse("FORBIDDEN", "officeSiteOfficeOnly");

export const setOfficeSection = defineAction({
  name: "officeSite.setSection",
  scope: "tenant",
  permission: "district.publication",
  input: SetSectionInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    return writeSection(tx, ctx.organization, input);
  },
});

export const saveOfficeNews = defineAction({
  name: "officeNews.save",
  scope: "tenant",
  permission: "district.publication",
  idempotent: true,
  input: SaveNewsInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    return writeNews(tx, ctx.organization, ctx.user.id, input);
  },
});

export const deleteOfficeNews = defineAction({
  name: "officeNews.delete",
  scope: "tenant",
  permission: "district.publication",
  input: DeleteNewsInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    return removeNews(tx, ctx.organization, input.newsId);
  },
});

export const uploadOfficeDocument = defineAction({
  name: "officeDocuments.upload",
  scope: "tenant",
  permission: "district.publication",
  idempotent: true,
  input: UploadOfficeDocumentInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const dated = officeDocumentDateRefusal(input.issuedOn, organizationToday(ctx));
    if (dated) return refuse("VALIDATION", dated, { issuedOn: dated });
    const data = Buffer.from(await input.file.arrayBuffer());
    if (data.length === 0) return refuse("VALIDATION", "officeDocumentNoFile", { file: "officeDocumentNoFile" });
    const document = await tx.officeDocument.create({
      data: {
        organizationId: ctx.organization.id,
        kind: input.kind,
        title: input.title,
        number: input.number,
        issuedOn: input.issuedOn,
        fileName: input.file.name.slice(0, 200) || "document",
        fileType: input.file.type || "application/octet-stream",
        fileSize: data.length,
        fileData: data,
        publishedOnSite: input.publishedOnSite ?? false,
        createdById: ctx.user.id,
      },
      select: { id: true },
    });
    return done(
      { officeDocumentId: document.id },
      { targetType: "OfficeDocument", targetId: document.id, data: { kind: input.kind, title: input.title, file: input.file.name, publishedOnSite: input.publishedOnSite ?? false } },
    );
  },
});

export const setOfficeDocumentPublished = defineAction({
  name: "officeDocuments.setPublished",
  scope: "tenant",
  permission: "district.publication",
  input: SetOfficeDocumentInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const updated = await tx.officeDocument.updateMany({ where: { id: input.officeDocumentId, organizationId: ctx.organization.id }, data: { publishedOnSite: input.published } });
    if (updated.count === 0) return refuse("NOT_FOUND", "notFound");
    return done({ officeDocumentId: input.officeDocumentId, published: input.published }, { targetType: "OfficeDocument", targetId: input.officeDocumentId, data: { publishedOnSite: input.published } });
  },
});

export const deleteOfficeDocument = defineAction({
  name: "officeDocuments.delete",
  scope: "tenant",
  permission: "district.publication",
  input: DeleteOfficeDocumentInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return officeOnly();
    const document = await tx.officeDocument.findFirst({ where: { id: input.officeDocumentId, organizationId: ctx.organization.id }, select: { id: true, title: true } });
    if (!document) return refuse("NOT_FOUND", "notFound");
    await tx.officeDocument.delete({ where: { id: document.id } });
    return done({ officeDocumentId: document.id }, { targetType: "OfficeDocument", targetId: document.id, data: { title: document.title, deleted: true } });
  },
});
