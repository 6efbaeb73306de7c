import "server-only";
import { z } from "zod";
import { readTenant, type TenantContext } from "../auth/tenant";
import { matchesEveryWord, pageRows } from "../domain/paging";
import { optionalParam } from "../http/params";
import { ListSearch } from "../http/list-search";
import { officeSchoolIds } from "./schools";

// The read path of information letters (decision 047). The office reads its letters and their addressee
// rows (who read, who acknowledged); a school reads the letters addressed to it and only its own row.

/** The office's letters, newest first, with «read / acknowledged of addressed» counts. */
export async function listOfficeLetters(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const letters = await tx.infoLetter.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, subject: true, sentAt: true, remindedAt: true, recipients: { select: { readAt: true, acknowledgedAt: true } } },
      orderBy: { sentAt: "desc" },
      take: 200,
    });
    return letters.map((l) => ({
      id: l.id,
      subject: l.subject,
      sentAt: l.sentAt,
      remindedAt: l.remindedAt,
      addressed: l.recipients.length,
      read: l.recipients.filter((r) => r.readAt).length,
      acknowledged: l.recipients.filter((r) => r.acknowledgedAt).length,
    }));
  });
}

/** One letter of the office with each addressed school's read and acknowledgement; null when not the office's. */
export async function getOfficeLetter(ctx: TenantContext, letterId: string) {
  return readTenant(ctx, async (tx) => {
    const letter = await tx.infoLetter.findFirst({
      where: { id: letterId, organizationId: ctx.organization.id },
      select: {
        id: true,
        subject: true,
        body: true,
        sentAt: true,
        remindedAt: true,
        files: { select: { id: true, fileName: true, fileSize: true } },
        recipients: { select: { readAt: true, acknowledgedAt: true, organization: { select: { id: true, name: true, shortName: true } } } },
      },
    });
    if (!letter) return null;
    const collator = new Intl.Collator("ru", { numeric: true });
    const schools = letter.recipients
      .map((r) => ({ id: r.organization.id, name: r.organization.shortName ?? r.organization.name, readAt: r.readAt, acknowledgedAt: r.acknowledgedAt }))
      .sort((a, b) => collator.compare(a.name, b.name));
    return { ...letter, recipients: undefined, schools };
  });
}

/** A letter's schools in the address: a school's name, those that have not read / not acknowledged it, the page. */
export const LetterSchoolsSearchInput = ListSearch.extend({ state: optionalParam(z.enum(["unread", "unacknowledged"])) });
export type LetterSchoolsSearch = z.output<typeof LetterSchoolsSearchInput>;

/** How many schools a page of a letter's addressees shows. */
export const LETTER_SCHOOLS_PAGE_SIZE = 50;

/**
 * One letter of the office with one page of its addressed schools (issue #19), filtered here; the read and
 * acknowledged counts are over all of them. Null when not the office's letter.
 */
export async function getOfficeLetterPage(ctx: TenantContext, letterId: string, search: LetterSchoolsSearch, size = LETTER_SCHOOLS_PAGE_SIZE) {
  const letter = await getOfficeLetter(ctx, letterId);
  if (!letter) return null;
  const matching = letter.schools.filter(
    (s) => (search.state === "unread" ? !s.readAt : search.state === "unacknowledged" ? !s.acknowledgedAt : true) && matchesEveryWord(search.q, s.name),
  );
  const counts = { total: letter.schools.length, read: letter.schools.filter((s) => s.readAt).length, acknowledged: letter.schools.filter((s) => s.acknowledgedAt).length };
  return { letter: { ...letter, schools: undefined }, counts, list: pageRows(matching, size, search.page) };
}

/** The schools the office may write to (the compose form's choice). */
export async function listLetterSchools(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const ids = await officeSchoolIds(tx, ctx.organization);
    const rows = await tx.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, shortName: true } });
    const collator = new Intl.Collator("ru", { numeric: true });
    return rows.map((r) => ({ id: r.id, name: r.shortName ?? r.name })).sort((a, b) => collator.compare(a.name, b.name));
  });
}

/** The letters addressed to the school, newest first, with the school's own read and acknowledgement. */
export async function listSchoolLetters(ctx: TenantContext) {
  return readTenant(ctx, async (tx) => {
    const rows = await tx.infoLetterRecipient.findMany({
      where: { organizationId: ctx.organization.id },
      select: { readAt: true, acknowledgedAt: true, letter: { select: { id: true, subject: true, sentAt: true, organization: { select: { name: true } } } } },
      orderBy: { letter: { sentAt: "desc" } },
      take: 200,
    });
    return rows.map((r) => ({ id: r.letter.id, subject: r.letter.subject, sentAt: r.letter.sentAt, from: r.letter.organization.name, readAt: r.readAt, acknowledgedAt: r.acknowledgedAt }));
  });
}

/** One letter addressed to the school (its text, files and the school's own marks); null otherwise. */
export async function getSchoolLetter(ctx: TenantContext, letterId: string) {
  return readTenant(ctx, async (tx) => {
    const row = await tx.infoLetterRecipient.findFirst({
      where: { organizationId: ctx.organization.id, letterId },
      select: {
        readAt: true,
        acknowledgedAt: true,
        letter: { select: { id: true, subject: true, body: true, sentAt: true, organization: { select: { name: true } }, files: { select: { id: true, fileName: true, fileSize: true } } } },
      },
    });
    if (!row) return null;
    return { id: row.letter.id, subject: row.letter.subject, body: row.letter.body, sentAt: row.letter.sentAt, from: row.letter.organization.name, files: row.letter.files, readAt: row.readAt, acknowledgedAt: row.acknowledgedAt };
  });
}

/** A letter's file for download, by the office or an addressed school (RLS decides which rows are visible). */
export async function getLetterFile(ctx: TenantContext, letterId: string, fileId: string) {
  return readTenant(ctx, (tx) =>
    tx.infoLetterFile.findFirst({
      where: {
        id: fileId,
        letterId,
        OR: [{ organizationId: ctx.organization.id }, { letter: { recipients: { some: { organizationId: ctx.organization.id } } } }],
      },
      select: { fileName: true, fileType: true, fileData: true },
    }),
  );
}
