import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

type ChainFields = {
  agreedBy: string | null;
  agreedProtocol: string | null;
  agreedDate: Date | null;
  adoptedBy: string | null;
  adoptedProtocol: string | null;
  adoptedDate: Date | null;
};

/** A local act's agreement chain under its title: «Согласовано …: протокол от … № …», «Принято …». */
export async function ActChain({ act, locale }: { act: ChainFields; locale: AppLocale }) {
  if (!act.agreedBy && !act.adoptedBy) return null;
  const t = await getTranslations();
  const line = (key: "chainAgreed" | "chainAdopted", body: string, protocol: string | null, date: Date | null) =>
    t(`acts.${key}`, { body: t(`stage1.councils.${body}` as never), protocol: protocol ?? "—", date: date ? formatDate(date, locale) : "—" });
  return (
    <span className="mt-1 block text-sm text-slate-700">
      {act.agreedBy ? <span className="block">{line("chainAgreed", act.agreedBy, act.agreedProtocol, act.agreedDate)}</span> : null}
      {act.adoptedBy ? <span className="block">{line("chainAdopted", act.adoptedBy, act.adoptedProtocol, act.adoptedDate)}</span> : null}
    </span>
  );
}
