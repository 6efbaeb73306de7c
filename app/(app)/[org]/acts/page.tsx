import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { ActChain } from "@/components/program/act-chain";
import { AttachActFile } from "@/components/program/attach-act-file";
import { isPackKind, PACK_DOCUMENTS } from "@/lib/domain/stage1-pack";
import { RegisterActForm } from "@/components/program/register-act-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { approveAct } from "@/lib/programs/actions";
import { listActivePrograms, listLocalActs } from "@/lib/programs/queries";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("acts");
  return { title: t("title") };
}

export default async function LocalActsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "program.view");
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const [acts, programs] = await readPage(ctx, (read) => Promise.all([listLocalActs(read), listActivePrograms(read)]));
  const canApprove = hasPermission(ctx.roles, "acts.approve");
  const canRegister = hasPermission(ctx.roles, "acts.register");
  return (
    <>
      <PageHeader title={t("acts.title")}>
        <p>{t("acts.intro")}</p>
        <p>
          <Link href={`/${org}/program/stage1`} className="text-brand-700 underline">
            {t("acts.stage1Link")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("acts.caption")} id="acts">
        {acts.length === 0 ? (
          <p>{t("acts.empty")}</p>
        ) : (
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
                        {a.fileName} ({Math.max(1, Math.round((a.fileSize ?? 0) / 1024))} КБ)
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
        )}
      </Section>
      {canRegister ? (
        <Section title={t("acts.registerTitle")} id="register">
          <RegisterActForm org={org} programs={programs.map((p) => ({ id: p.id, label: t("acts.program", { year: formatAcademicYear(p.academicYear) }) }))} />
        </Section>
      ) : null}
    </>
  );
}
