import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LetterForm } from "@/components/letters/letter-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { listLetterSchools, listOfficeLetters } from "@/lib/letters/queries";
import { ACCEPT, DOCUMENT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("letters");
  return { title: t("title") };
}

// The office's information letters (issue #16 item 2, decision 047): sent letters with «read / acknowledged
// N из M», and the form of a new one.
export default async function DistrictLettersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "letters.send");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const [letters, schools] = await readPage(ctx, (read) => Promise.all([listOfficeLetters(read), listLetterSchools(read)]));
  const t = await getTranslations("letters");
  const zone = ctx.organization.timeZone;
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="letters">
        {letters.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <Table caption={t("caption")} head={[t("colSubject"), t("colSent"), t("colRead"), t("colAcknowledged")]}>
            {letters.map((l) => (
              <tr key={l.id}>
                <Td>
                  <Link href={`/${org}/district/letters/${l.id}`} className="text-brand-700 underline">
                    {l.subject}
                  </Link>
                </Td>
                <Td>{formatDateTime(l.sentAt, zone)}</Td>
                <Td>{t("of", { n: l.read, total: l.addressed })}</Td>
                <Td>{t("of", { n: l.acknowledged, total: l.addressed })}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section title={t("composeTitle")} id="compose">
        <LetterForm org={org} schools={schools} accept={ACCEPT.letter} maxBytes={DOCUMENT_MAX_BYTES} maxMb={megabytes(DOCUMENT_MAX_BYTES)} />
      </Section>
    </>
  );
}
