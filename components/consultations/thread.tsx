import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";

type Consultation = {
  question: string;
  askedAt: Date;
  status: "OPEN" | "CLOSED";
  outcome: string | null;
  closedAt: Date | null;
  school: string;
  messages: { id: string; body: string; authorName: string; createdAt: Date; fromSchool: boolean }[];
};

/** The question, the messages of both sides in order, and the outcome once the methodist closed it. */
export async function Thread({ consultation: c, zone }: { consultation: Consultation; zone: string }) {
  const t = await getTranslations("consultations");
  return (
    <>
      <Section title={t("threadTitle")} id="thread">
        <ol className="flex flex-col gap-3">
          <li className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <p className="text-sm text-slate-700">{t("questionFrom", { school: c.school, date: formatDateTime(c.askedAt, zone) })}</p>
            <p className="whitespace-pre-wrap break-words">{c.question}</p>
          </li>
          {c.messages.map((m) => (
            <li key={m.id} className={`rounded-md border p-3 ${m.fromSchool ? "border-slate-200 bg-slate-50" : "border-brand-200 bg-white"}`}>
              <p className="text-sm text-slate-700">
                {t(m.fromSchool ? "fromSchool" : "fromOffice", { name: m.authorName, date: formatDateTime(m.createdAt, zone) })}
              </p>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          ))}
        </ol>
      </Section>
      {c.status === "CLOSED" ? (
        <Section title={t("outcomeTitle")} id="outcome">
          <p className="text-sm text-slate-700">{t("closedOn", { date: c.closedAt ? formatDateTime(c.closedAt, zone) : "—" })}</p>
          <p className="whitespace-pre-wrap break-words" data-testid="consultation-outcome">
            {c.outcome}
          </p>
        </Section>
      ) : null}
    </>
  );
}
