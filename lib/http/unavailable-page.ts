// The page a request gets while the database is unreachable (decision 015): 503, `Retry-After`, no
// caching, in the reader's language (the NEXT_LOCALE cookie, Russian by default). Plain HTML with no
// script and no external resource: it is sent by the HTTP server (lib/cli/serve.ts) in place of Next's
// error page, when nothing of the app may work.
import en from "../i18n/messages/en.json";
import ru from "../i18n/messages/ru.json";

export const RETRY_AFTER_SECONDS = 60;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function localeFromCookie(cookieHeader: string | undefined): "ru" | "en" {
  const match = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(cookieHeader ?? "");
  return match?.[1] === "en" ? "en" : "ru";
}

export function unavailablePage(cookieHeader: string | undefined): { status: 503; headers: Record<string, string>; body: string } {
  const locale = localeFromCookie(cookieHeader);
  const pages = (locale === "en" ? en : ru).pages;
  const body = `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(pages.unavailableTitle)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1c1917;background:#fafaf9}main{max-width:36rem;margin:4rem auto;padding:0 1.5rem}h1{font-size:1.5rem}a{color:#1d4ed8}</style>
</head>
<body>
<main id="main">
<h1>${escape(pages.unavailableTitle)}</h1>
<p>${escape(pages.unavailableText)}</p>
<p><a href="">${escape(pages.unavailableReload)}</a></p>
</main>
</body>
</html>
`;
  return {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "Content-Length": String(Buffer.byteLength(body)),
    },
    body,
  };
}
