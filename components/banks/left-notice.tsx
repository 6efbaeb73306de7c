import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { readerWords } from "@/components/i18n/reader-words";
import { rewordLeavingNote, type LeavingFields } from "@/lib/people/leaving-words";

/** Why a bank entry left (the mentor's and the mentee's card): a leaving's note in the reader's words. */
export async function BankLeftNotice({ leftReason, person }: { leftReason: string | null; person: LeavingFields }) {
  if (!leftReason) return null;
  const t = await getTranslations("banks");
  const reason = rewordLeavingNote(leftReason, person, await readerWords());
  return (
    <div className="mb-6">
      <Notice kind="info">{t("leftReason", { reason })}</Notice>
    </div>
  );
}
