import { getTranslations } from "next-intl/server";
import { PdfLink } from "@/components/documents/pdf-link";
import { ActChain } from "@/components/program/act-chain";
import { AttachActFile } from "@/components/program/attach-act-file";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { isPackKind, PACK_DOCUMENTS } from "@/lib/domain/stage1-pack";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { approveAct } from "@/lib/programs/actions";
import type { listLocalActs } from "@/lib/programs/queries";

/**
 * The school's local acts (app/(app)/[org]/acts/page.tsx): each act's number, date, edition chain, program, status,
 * file and the documents generated for it, with the approval button for the director.
 */
export async function ActsTable({
  acts,
  org,
  canApprove,
  canRegister,
  locale,
}: {
  acts: Awaited<ReturnType<typeof listLocalActs>>;
  org: string;
  canApprove: boolean;
  canRegister: boolean;
  locale: AppLocale;
}) {
  const t = await getTranslations();
  return (
    <Table
      caption={t("acts.caption")}
      head={[t("acts.kind"), t("acts.number"), t("acts.date"), t("acts.actTitle"), t("acts.forProgram"), t("acts.status"), t("acts.file"), ...(canApprove ? [t("roadmap.actions")] : [])]}
    >
      {acts.map((a) => (
        <tr key={a.id}>
          <Td>{t(`acts.kinds.${a.kind}`)}</Td>
          <Td>{a.number ?? "—"}</Td>
          <Td className="whitespace-nowrap">{a.date ? formatDate(a.date, locale) : "—"}</Td>
          <Td>
            {a.title}
            <ActChain act={a} locale={locale} />
          </Td>
          <Td>{a.program ? t("acts.program", { year: formatAcademicYear(a.program.academicYear) }) : t("acts.orgWide")}</Td>
          <Td>
            {t(`acts.statuses.${a.status}`)}
            {a.approvedAt ? <span className="block text-sm text-slate-700">{t("acts.approvedBy", { name: a.approvedBy?.name ?? "", date: formatDate(a.approvedAt, locale) })}</span> : null}
          </Td>
          <Td>
            <div className="flex flex-col gap-2">
              {a.fileName ? (
                <a href={`/${org}/acts/${a.id}/file`} className="text-sm text-brand-700 underline">
                  {t("acts.fileWithSize", { name: a.fileName, size: Math.max(1, Math.round((a.fileSize ?? 0) / 1024)) })}
                </a>
              ) : (
                <span className="text-sm text-slate-700">{t("acts.noFile")}</span>
              )}
              {isPackKind(a.kind) && a.program ? (
                <a href={`/${org}/program/documents/${PACK_DOCUMENTS[a.kind]}?year=${a.program.academicYear}`} className="text-sm text-brand-700 underline">
                  {t("acts.generateDocument")}
                </a>
              ) : null}
              {isPackKind(a.kind) && a.program ? (
                <PdfLink href={`/${org}/program/documents/${PACK_DOCUMENTS[a.kind]}?year=${a.program.academicYear}`} className="text-sm text-brand-700 underline">
                  {t("acts.generateDocumentPdf")}
                </PdfLink>
              ) : null}
              {a.kind === "ROADMAP_APPROVAL" && a.program ? (
                <a href={`/${org}/program/documents/roadmap-order?year=${a.program.academicYear}`} className="text-sm text-brand-700 underline">
                  {t("acts.generateOrder")}
                </a>
              ) : null}
              {a.kind === "ROADMAP_APPROVAL" && a.program ? (
                <PdfLink href={`/${org}/program/documents/roadmap-order?year=${a.program.academicYear}`} className="text-sm text-brand-700 underline">
                  {t("acts.generateOrderPdf")}
                </PdfLink>
              ) : null}
              {/* An approved act's file changes only through a new approval (a new edition of the act). */}
              {canRegister && a.status === "REGISTERED" ? <AttachActFile org={org} actId={a.id} /> : null}
              {canRegister && a.status !== "REGISTERED" ? <span className="text-sm text-slate-700">{t("acts.fileLocked")}</span> : null}
            </div>
          </Td>
          {canApprove ? (
            <Td>
              {/* Mounted on every row: once the act is approved the button gives way to its confirmation. */}
              <ActionButton action={approveAct} input={{ org, actId: a.id }} label={t("acts.approve")} done={t("acts.approved")} gone={a.status !== "REGISTERED"} />
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
