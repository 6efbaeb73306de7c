import { strFromU8, unzipSync } from "fflate";

/** Tests: a generated .docx's body paragraphs as text (runs joined; no-break spaces as spaces). */
export function paragraphs(docx: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"]!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map(([, t]) => (t ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"))
      .join("")
      .replace(/\u00a0/g, " "),
  );
}
