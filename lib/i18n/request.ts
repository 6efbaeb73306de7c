import "server-only";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, MESSAGES, toLocale } from "./config";

// Locale without URL prefixes: the cookie set by the language switcher (and at sign-in from the
// user's saved preference); Russian by default.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: "Europe/Moscow" };
});
