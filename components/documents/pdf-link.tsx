import type { ReactNode } from "react";
import { documentHref, pdfOffered } from "@/lib/http/document-response";

/**
 * The PDF of a generated document, next to its .docx link: offered only when the server has LibreOffice
 * (lib/http/document-response.ts); without it the .docx link stays the only one. `item`: inside a list.
 */
export function PdfLink({ href, className = "text-brand-700 underline", item = false, children }: { href: string; className?: string; item?: boolean; children: ReactNode }) {
  if (!pdfOffered()) return null;
  const link = (
    <a href={documentHref(href, "pdf")} className={className}>
      {children}
    </a>
  );
  // In a list of downloads the link is an item of its own, so the list never holds an empty item.
  return item ? <li>{link}</li> : link;
}
