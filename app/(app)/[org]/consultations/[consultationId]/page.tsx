import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { MessageForm } from "@/components/consultations/message-form";
import { Thread } from "@/components/consultations/thread";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { getConsultation } from "@/lib/consultations/queries";
import { IdParam, readPageParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("consultations");
  return { title: t("title") };
}

// One consultation of the school: the thread, a message while it is open, the outcome once closed.
export default async function SchoolConsultationPage({ params }: { params: Promise<{ org: string; consultationId: string }> }) {
  const { org, consultationId } = readPageParams(z.object({ org: z.string(), consultationId: IdParam }), await params);
  const ctx = await requireTenant(org, "consultations.ask");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const consultation = await readPage(ctx, (read) => getConsultation(read, consultationId));
  if (!consultation) notFound();
  const t = await getTranslations("consultations");
  return (
    <>
      <PageHeader title={consultation.topic}>
        <p>{t(`status.${consultation.status}`)}</p>
        <p>
          <Link href={`/${org}/consultations`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <Thread consultation={consultation} zone={ctx.organization.timeZone} />
      {consultation.status === "OPEN" ? (
        <Section title={t("messageTitle")} id="message">
          <MessageForm org={org} consultationId={consultation.id} side="school" />
        </Section>
      ) : null}
    </>
  );
}
