// Excel exports of the people list and of the mentee and mentor banks: one query per list, written by
// the one workbook builder (lib/xlsx/workbook.ts).
// Everything is read in the tenant's transaction; what a role may not see never reaches the file.

import "server-only";
import { attachmentResponse, fileNamePart } from "../http/attachment";
import { CONSENT_SELECT } from "./select";
import { fullName } from "../domain/names";
import { format } from "date-fns";
import { hasPermission, type Permission } from "../auth/permissions";
import { organizationToday, type TenantContext } from "../auth/tenant";
import { z } from "zod";
import type { Tx } from "../db";
import { done } from "../actions/action";
import { defineDownload, downloaded } from "../actions/download";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, INFORMATION_SOURCES, MENTEE_CATEGORIES } from "../domain/banks";
import { consentProblem, type ConsentPurpose } from "../domain/consent";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { buildWorkbook, type XlsxColumn, type XlsxFile, type XlsxValue } from "../xlsx/workbook";

// The workbook builder moved to the kernel (lib/xlsx/workbook.ts); the monitoring export route still
// imports it from here until the download routes are reworked (issue #18, the attachment helper).
export { buildWorkbook } from "../xlsx/workbook";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxResponse(file: XlsxFile): Response {
  return attachmentResponse({ name: file.fileName, asciiName: file.asciiName, type: XLSX_TYPE, data: file.bytes });
}

function names(ctx: TenantContext, ascii: string, title: string, today: Date) {
  const day = format(today, "yyyy-MM-dd");
  const org = fileNamePart(ctx.organization.shortName ?? ctx.organization.name);
  return { asciiName: `${ascii}-${ctx.organization.slug}-${day}.xlsx`, fileName: `${title} — ${org} — ${day}.xlsx` };
}

const PURPOSES: ConsentPurpose[] = ["BANK", "PAIRS", "SURVEYS", "PUBLICATION", "DISTRICT_COMMUNITIES"];

/**
 * An export's read as an audited download (lib/actions/download.ts): who took a copy of personal data, and
 * how many rows — the operator must be able to tell (152-ФЗ); the record is written in the read's transaction.
 */
function listDownload<T>(name: string, permission: Permission, read: (tx: Tx, ctx: TenantContext) => Promise<T[]>) {
  return defineDownload({
    name,
    permission,
    params: z.object({}),
    async read({ tx, ctx }) {
      const rows = await read(tx, ctx);
      return done(rows, { data: { rows: rows.length } });
    },
  });
}

const peopleDownload = listDownload("people.export", "people.view", (tx, ctx) =>
    tx.person.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        lastName: true, firstName: true, middleName: true, kind: true, birthDate: true, minor: true, position: true, subjects: true, grade: true,
        externalOrganization: true, email: true, phone: true, active: true,
        consents: { select: CONSENT_SELECT },
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
    }),
);

const menteesDownload = listDownload("mentees.export", "banks.view", (tx, ctx) => {
    const sensitive = hasPermission(ctx.roles, "banks.sensitive");
    return tx.menteeProfile.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        status: true,
        source: true,
        createdAt: true,
        // Not even read without the permission.
        ...(sensitive ? { category: true, difficulties: true, request: true } : {}),
        person: { select: { lastName: true, firstName: true, middleName: true, kind: true, active: true } },
      },
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    });
});

const mentorsDownload = listDownload("mentors.export", "banks.view", (tx, ctx) =>
    tx.mentorProfile.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        competencies: true, achievements: true, capacity: true, status: true, districtVisibleSince: true, approvedAt: true,
        _count: { select: { trainings: true } },
        person: { select: { lastName: true, firstName: true, middleName: true, position: true, active: true } },
      },
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    }),
);

/** The calendar day in Moscow of a moment (approval, entry), as a UTC-midnight date for Excel. */
function moscowDay(moment: Date | null): Date | null {
  if (!moment) return null;
  const m = new Date(moment.getTime() + 3 * 3_600_000);
  return new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), m.getUTCDate()));
}

/** People of the school: kind, position, subjects, class, contacts, consents valid today. */
export async function exportPeople(ctx: TenantContext, locale: AppLocale, today = organizationToday(ctx)): Promise<XlsxFile> {
  const t = translator(locale);
  const e = (key: string) => t(`peopleImport.export.${key}` as never);
  const people = downloaded(await peopleDownload(ctx, {}));
  const columns: XlsxColumn[] = [
    { header: e("lastName"), width: 18 },
    { header: e("firstName"), width: 14 },
    { header: e("middleName"), width: 18 },
    { header: e("kind"), width: 20 },
    { header: e("position"), width: 32 },
    { header: e("subjects"), width: 32 },
    { header: e("grade"), width: 8 },
    { header: e("organization"), width: 30 },
    { header: e("email"), width: 28 },
    { header: e("phone"), width: 18 },
    { header: e("consents"), width: 30 },
    { header: e("state"), width: 26 },
  ];
  const rows = people.map((p): XlsxValue[] => {
    // Out of active work (consent revoked): the name only — nothing else about the person is processed.
    if (!p.active) return [p.lastName, p.firstName, p.middleName, null, null, null, null, null, null, null, null, e("inactive")];
    const subject = { birthDate: p.birthDate, flaggedMinor: p.minor };
    const covered = PURPOSES.filter((purpose) => consentProblem(subject, p.consents, purpose, today) === null);
    return [
      p.lastName,
      p.firstName,
      p.middleName,
      t(`peopleImport.kinds.${p.kind}` as never),
      p.position,
      p.subjects.join(", ") || null,
      p.grade,
      p.externalOrganization,
      p.email,
      p.phone,
      covered.map((c) => e(`purposes.${c}`)).join(", ") || "—",
      e("active"),
    ];
  });
  return { bytes: await buildWorkbook(e("peopleSheet"), columns, rows), rows: rows.length, ...names(ctx, "lyudi", e("peopleSheet"), today) };
}

/** The mentee bank; category, difficulties and the request only for roles with banks.sensitive. */
export async function exportMentees(ctx: TenantContext, locale: AppLocale, today = organizationToday(ctx)): Promise<XlsxFile> {
  const t = translator(locale);
  const e = (key: string) => t(`peopleImport.export.${key}` as never);
  const sensitive = hasPermission(ctx.roles, "banks.sensitive");
  const entries = downloaded(await menteesDownload(ctx, {}));
  const columns: XlsxColumn[] = [
    { header: e("name"), width: 34 },
    { header: e("kind"), width: 20 },
    { header: e("status"), width: 18 },
    { header: e("source"), width: 30 },
    { header: e("addedOn"), width: 14, date: true },
    ...(sensitive ? [{ header: e("category"), width: 40 }, { header: e("difficulties"), width: 50 }, { header: e("request"), width: 50 }] : []),
  ];
  const rows = entries.map((entry): XlsxValue[] => {
    const p = entry.person;
    // Out of active work: the name and that fact only.
    if (!p.active) return [fullName(p), null, e("inactive"), null, null, ...(sensitive ? [null, null, null] : [])];
    const base: XlsxValue[] = [fullName(p), t(`peopleImport.kinds.${p.kind}` as never), e(`menteeStatus.${entry.status}`), INFORMATION_SOURCES[entry.source], moscowDay(entry.createdAt)];
    if (!sensitive) return base;
    const s = entry as typeof entry & { category: keyof typeof MENTEE_CATEGORIES; difficulties: string[]; request: string | null };
    return [...base, MENTEE_CATEGORIES[s.category], s.difficulties.map((d) => DIFFICULTY_TAGS[d as keyof typeof DIFFICULTY_TAGS] ?? d).join("; ") || null, s.request];
  });
  return { bytes: await buildWorkbook(e("menteesSheet"), columns, rows), rows: rows.length, ...names(ctx, "nastavlyaemye", e("menteesSheet"), today) };
}

/** The mentor bank: position, competencies, achievements, capacity, status, trainings, district visibility. */
export async function exportMentors(ctx: TenantContext, locale: AppLocale, today = organizationToday(ctx)): Promise<XlsxFile> {
  const t = translator(locale);
  const e = (key: string) => t(`peopleImport.export.${key}` as never);
  const mentors = downloaded(await mentorsDownload(ctx, {}));
  const columns: XlsxColumn[] = [
    { header: e("name"), width: 34 },
    { header: e("position"), width: 30 },
    { header: e("competencies"), width: 60 },
    { header: e("achievements"), width: 40 },
    { header: e("capacity"), width: 16 },
    { header: e("status"), width: 24 },
    { header: e("trainings"), width: 14 },
    { header: e("district"), width: 20 },
    { header: e("districtSince"), width: 16, date: true },
    { header: e("approvedOn"), width: 14, date: true },
  ];
  const rows = mentors.map((m): XlsxValue[] => {
    const p = m.person;
    if (!p.active) return [fullName(p), null, null, null, null, e("inactive"), null, null, null, null];
    return [
      fullName(p),
      p.position,
      m.competencies.map((c) => COMPETENCY_TAGS[c as keyof typeof COMPETENCY_TAGS] ?? c).join("; ") || null,
      m.achievements,
      m.capacity,
      e(`mentorStatus.${m.status}`),
      m._count.trainings,
      e(m.districtVisibleSince ? "districtYes" : "districtNo"),
      m.districtVisibleSince,
      moscowDay(m.approvedAt),
    ];
  });
  return { bytes: await buildWorkbook(e("mentorsSheet"), columns, rows), rows: rows.length, ...names(ctx, "nastavniki", e("mentorsSheet"), today) };
}
