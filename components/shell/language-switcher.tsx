import { getLocale, getTranslations } from "next-intl/server";
import { switchLocale } from "@/lib/auth/actions";
import { LOCALES } from "@/lib/i18n/config";

// Works without JavaScript: a plain form posting to a server action.
export async function LanguageSwitcher({ returnTo }: { returnTo: string }) {
  const locale = await getLocale();
  const t = await getTranslations("language");
  return (
    <form action={switchLocale} className="flex items-center gap-2 text-sm">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="locale-select" className="sr-only text-slate-700 sm:not-sr-only">
        {t("label")}
      </label>
      <select id="locale-select" name="locale" defaultValue={locale} className="rounded border border-slate-500 bg-white px-2 py-1">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(l)}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-500 bg-white px-2 py-1 hover:bg-slate-100">
        {t("apply")}
      </button>
    </form>
  );
}
