/** A single-part letter's text as received by an SMTP sink, its transfer encoding (base64 or quoted-printable) undone. */
export function letterText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head ?? "")?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const escaped = body.replace(/=\r?\n/g, "").replace(/%/g, "%25").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(escaped);
  }
  return body;
}
