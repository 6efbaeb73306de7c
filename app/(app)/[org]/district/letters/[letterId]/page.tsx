import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LetterFiles } from "@/components/letters/letter-files";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { IdParam, readPageParams } from "@/lib/http/params";
import { remindLetter } from "@/lib/letters/actions";
import { getOfficeLetter } from "@/lib/letters/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("letters");
  return { title: t("title") };
}

// One letter of the office: its text and files, each addressed school's read and acknowledgement, and the
// reminder to the schools that have not acknowledged.
export default async function DistrictLetterPage({ params }: { params: Promise<{ org: string; letterId: string }> }) {
  const { org, letterId } = readPageParams(z.object({ org: z.string(), letterId: IdParam }), await params);
  const ctx = await requireTenant(org, "letters.send");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const letter = await readPage(ctx, (read) => getOfficeLetter(read, letterId));
  if (!letter) notFound();
  const t = await getTranslations("letters");
  const zone = ctx.organization.timeZone;
  const read = letter.schools.filter((s) => s.readAt).length;
  const acknowledged = letter.schools.filter((s) => s.acknowledgedAt).length;
  const total = letter.schools.length;
  return (
    <>
      <PageHeader title={letter.subject}>
        <p>
          <Link href={`/${org}/district/letters`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("body")} id="text">
        <p className="text-sm text-slate-700">{formatDateTime(letter.sentAt, zone)}</p>
        <div className="mt-2 whitespace-pre-line">{letter.body}</div>
        <LetterFiles org={org} letterId={letter.id} files={letter.files} />
      </Section>
      <Section title={t("schoolsTitle")} id="schools">
        <p className="mb-2">
          {t("colRead")}: {t("of", { n: read, total })}; {t("colAcknowledged")}: {t("of", { n: acknowledged, total })}
        </p>
        <Table caption={t("schoolsCaption")} head={[t("colSchool"), t("colRead"), t("colAcknowledged")]}>
          {letter.schools.map((s) => (
            <tr key={s.id}>
              <Td>{s.name}</Td>
              <Td>{s.readAt ? formatDateTime(s.readAt, zone) : t("notYet")}</Td>
              <Td>{s.acknowledgedAt ? formatDateTime(s.acknowledgedAt, zone) : t("notYet")}</Td>
            </tr>
          ))}
        </Table>
        {letter.remindedAt ? <p className="mt-2 text-sm text-slate-700">{t("remindedAt", { date: formatDateTime(letter.remindedAt, zone) })}</p> : null}
        {acknowledged < total ? (
          <div className="mt-3">
            <ActionButton action={remindLetter} input={{ org, letterId: letter.id }} label={t("remind")} done={t("reminded")} />
          </div>
        ) : null}
      </Section>
    </>
  );
}
