import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LetterFiles } from "@/components/letters/letter-files";
import { MarkRead } from "@/components/letters/mark-read";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { IdParam, readPageParams } from "@/lib/http/params";
import { acknowledgeLetter } from "@/lib/letters/actions";
import { getSchoolLetter } from "@/lib/letters/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("letters");
  return { title: t("inboxTitle") };
}

// One letter addressed to the school: its text and files; opening it records the read, the button the acknowledgement.
export default async function SchoolLetterPage({ params }: { params: Promise<{ org: string; letterId: string }> }) {
  const { org, letterId } = readPageParams(z.object({ org: z.string(), letterId: IdParam }), await params);
  const ctx = await requireTenant(org, "letters.receive");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const letter = await readPage(ctx, (read) => getSchoolLetter(read, letterId));
  if (!letter) notFound();
  const t = await getTranslations("letters");
  const zone = ctx.organization.timeZone;
  return (
    <>
      <PageHeader title={letter.subject}>
        <p>{t("from", { name: letter.from, date: formatDateTime(letter.sentAt, zone) })}</p>
        <p>
          <Link href={`/${org}/letters`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      {letter.readAt ? null : <MarkRead org={org} letterId={letter.id} />}
      <Section title={t("body")} id="text">
        <div className="whitespace-pre-line">{letter.body}</div>
        <LetterFiles org={org} letterId={letter.id} files={letter.files} />
        <div className="mt-4">
          {letter.acknowledgedAt ? (
            <p role="status" className="font-semibold text-green-900">
              {t("acknowledgedOn", { date: formatDateTime(letter.acknowledgedAt, zone) })}
            </p>
          ) : (
            <ActionButton action={acknowledgeLetter} input={{ org, letterId: letter.id }} label={t("acknowledge")} done={t("acknowledged")} />
          )}
        </div>
      </Section>
    </>
  );
}
