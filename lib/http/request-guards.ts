import { LOCALE_COOKIE, toLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { megabytes, REQUEST_BODY_MAX_BYTES } from "../uploads/limits";

type GuardedRequest = { headers: Headers; cookies: { get(name: string): { value: string } | undefined } };

const plainText = (request: GuardedRequest, status: number, text: (t: ReturnType<typeof translator>) => string) =>
  new Response(text(translator(toLocale(request.cookies.get(LOCALE_COOKIE)?.value))), {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...(status === 413 ? { connection: "close" } : {}) },
  });

/**
 * proxy.ts's guard against addresses Next cannot decode: a malformed percent-encoding in the path
 * (`/people/%E0%A4%A`) would make Next's own decoding of the route parameters fail with a 500. Such an
 * address is answered 400 with a plain text before any route runs.
 */
export function refuseMalformedPath(request: GuardedRequest & { nextUrl: { pathname: string } }): Response | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    return plainText(request, 400, (t) => t("errors.badAddress"));
  }
}

/**
 * proxy.ts's guard against request bodies the server will not take (lib/uploads/limits.ts): a request
 * declaring a larger body gets 413 and a plain Russian (or English) text naming the limit, before Next
 * buffers or parses it. The forms never send one: they check the file against its own, smaller limit first.
 * A body without Content-Length (chunked) is stopped by Next's own server-action limit (also 413).
 */
export function refuseOversizedBody(request: GuardedRequest): Response | null {
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared.trim()) || Number(declared) <= REQUEST_BODY_MAX_BYTES) return null;
  return plainText(request, 413, (t) => t("errors.requestTooLarge", { max: megabytes(REQUEST_BODY_MAX_BYTES) }));
}
