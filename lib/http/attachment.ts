// The one way a route answers with a file (issue #18): always an attachment with the person's file name in
// `filename*` (RFC 6266 / 5987) and an ASCII one for old clients, never sniffed, sandboxed if opened, never
// kept by caches. And the one way it answers with a plain-text refusal instead of a file.

export type Attachment = {
  /** The name the person sees, with its extension («Приказ № 1-НП о закреплении наставнических пар.docx»). */
  name: string;
  /** An ASCII name for clients that ignore filename*; derived from `name` when absent. */
  asciiName?: string;
  type: string;
  data: Uint8Array;
};

/** Text made safe as part of a file name: no path separators, reserved or control characters, one space between words. */
export function fileNamePart(text: string, max = Infinity): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
}

/** `attachment` with an ASCII fallback name and the real one in filename*. */
export function contentDisposition(asciiName: string, name: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, "_") || "file";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function attachmentResponse(file: Attachment): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.type,
      "content-disposition": contentDisposition(file.asciiName ?? file.name, file.name),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "no-store",
    },
  });
}

/** A plain-text answer instead of a file: a refusal (409 — what to fill in first), an outage (503), 404. */
export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
