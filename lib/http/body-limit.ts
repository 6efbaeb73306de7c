import { LOCALE_COOKIE, toLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { megabytes, REQUEST_BODY_MAX_BYTES } from "../uploads/limits";

/**
 * proxy.ts's guard against request bodies the server will not take (lib/uploads/limits.ts): a request
 * declaring a larger body gets 413 and a plain Russian (or English) text naming the limit, before Next
 * buffers or parses it. The forms never send one: they check the file against its own, smaller limit first.
 * A body without Content-Length (chunked) is stopped by Next's own server-action limit (also 413).
 */
export function refuseOversizedBody(request: { headers: Headers; cookies: { get(name: string): { value: string } | undefined } }): Response | null {
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared.trim()) || Number(declared) <= REQUEST_BODY_MAX_BYTES) return null;
  const t = translator(toLocale(request.cookies.get(LOCALE_COOKIE)?.value));
  return new Response(t("errors.requestTooLarge", { max: megabytes(REQUEST_BODY_MAX_BYTES) }), {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" },
  });
}
