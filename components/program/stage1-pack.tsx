import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { Table, Td } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { PACK_DOCUMENTS, PACK_KINDS, type PackKind } from "@/lib/domain/stage1-pack";
import type { MissingField } from "@/lib/domain/regulation-template";

type Act = { number: string | null; date: Date | null; status: "REGISTERED" | "APPROVED" } | null;

/** What the pack cannot be printed without, each with the place it is filled (profile or passport). */
export async function MissingRequisites({ org, missing }: { org: string; missing: MissingField[] }) {
  const t = await getTranslations("stage1");
  return (
    <Notice kind="error" id="missing">
      <p className="font-semibold">{t("missingTitle")}</p>
      <p>{t("missingIntro")}</p>
      <ul className="list-disc pl-5">
        {missing.map((m) => (
          <li key={m.field}>
            {t(`fields.${m.field}`)} —{" "}
            <Link href={m.where === "profile" ? `/${org}/profile` : `/${org}/program/passport`} className="underline">
              {m.where === "profile" ? t("whereProfile") : t("wherePassport")}
            </Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** The pack's three documents: the act in the register, the .docx and the PDF (or why there is no PDF). */
export async function Stage1Documents({ org, year, acts, printable, pdf, locale }: { org: string; year: number; acts: Record<PackKind, Act>; printable: boolean; pdf: boolean; locale: AppLocale }) {
  const t = await getTranslations();
  const href = (kind: PackKind, format: "docx" | "pdf") => `/${org}/program/documents/${PACK_DOCUMENTS[kind]}?year=${year}&format=${format}`;
  return (
    <Table caption={t("stage1.documentsCaption")} head={[t("stage1.document"), t("stage1.act"), t("stage1.download")]}>
      {PACK_KINDS.map((kind) => {
        const act = acts[kind];
        return (
          <tr key={kind}>
            <Td>{t(`acts.kinds.${kind}`)}</Td>
            <Td>
              {act ? (
                <>
                  {act.number && act.date ? t("stage1.actLine", { number: act.number, date: formatDate(act.date, locale) }) : t("stage1.noNumber")}
                  <span className="block text-sm text-slate-700">{t(`acts.statuses.${act.status}`)}</span>
                </>
              ) : (
                t("stage1.notRegistered")
              )}
            </Td>
            <Td>
              {printable ? (
                <div className="flex flex-wrap gap-3">
                  <a href={href(kind, "docx")} className="text-brand-700 underline">
                    {t("stage1.docx")}
                    <span className="sr-only"> — {t(`acts.kinds.${kind}`)}</span>
                  </a>
                  {pdf ? (
                    <a href={href(kind, "pdf")} className="text-brand-700 underline">
                      {t("stage1.pdf")}
                      <span className="sr-only"> — {t(`acts.kinds.${kind}`)}</span>
                    </a>
                  ) : (
                    <span className="text-sm text-slate-700">{t("stage1.pdfUnavailable")}</span>
                  )}
                </div>
              ) : (
                <a href="#missing" className="text-sm underline">
                  {t("stage1.missingTitle")}
                </a>
              )}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
