import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDateTime } from "@/lib/format";
import { listSchoolLetters } from "@/lib/letters/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("letters");
  return { title: t("inboxTitle") };
}

// The letters of the education office addressed to the school (decision 047): the head reads and acknowledges.
export default async function SchoolLettersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "letters.receive");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const letters = await readPage(ctx, (read) => listSchoolLetters(read));
  const t = await getTranslations("letters");
  const zone = ctx.organization.timeZone;
  return (
    <>
      <PageHeader title={t("inboxTitle")}>
        <p>{t("inboxIntro")}</p>
      </PageHeader>
      <Section title={t("inboxCaption")} id="letters">
        {letters.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <Table caption={t("inboxCaption")} head={[t("colSubject"), t("colFrom"), t("colSent"), t("colState")]}>
            {letters.map((l) => (
              <tr key={l.id} className={l.readAt ? undefined : "font-semibold"}>
                <Td>
                  <Link href={`/${org}/letters/${l.id}`} className="text-brand-700 underline">
                    {l.subject}
                  </Link>
                </Td>
                <Td>{l.from}</Td>
                <Td>{formatDateTime(l.sentAt, zone)}</Td>
                <Td>{l.acknowledgedAt ? t("stateAcknowledged") : l.readAt ? t("stateRead") : t("stateNew")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
