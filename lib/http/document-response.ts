import { z } from "zod";
import { docxToPdf, libreOffice } from "../documents/pdf";
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { attachmentResponse, textResponse } from "./attachment";

// Every generated document (orders, the Положение, consents, programs, reports, the personal-data export)
// is answered here and only here: as .docx, or as PDF converted by LibreOffice headless when the server has
// it (README «PDF»; decision 026). The format is a validated search parameter of the route.

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF_TYPE = "application/pdf";

export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
/** `?format=docx|pdf` of a document route: absent is .docx; anything else a 400 (lib/http/params.ts readRouteParams). */
export const DocumentFormatParam = z.enum(DOCUMENT_FORMATS).default("docx");

/** Why no PDF (errors.pdfUnavailable / errors.pdfFailed), in the visitor's language: the cookie's, Russian outside a request. */
async function noPdf(key: "pdfUnavailable" | "pdfFailed"): Promise<Response> {
  let locale: AppLocale = DEFAULT_LOCALE;
  try {
    const { cookies } = await import("next/headers");
    locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    // outside a request (scripts)
  }
  return textResponse(503, translator(locale)(`errors.${key}`));
}

export type GeneratedDocument = {
  /** The rendered .docx. */
  docx: Uint8Array;
  /** The file name the person sees, without extension. */
  name: string;
  /** An ASCII file name without extension, for clients that ignore filename*. */
  asciiName: string;
};

/** The document as the asked format: the .docx itself, or its PDF; 503 with a plain text when no PDF can be made. */
export async function documentResponse(doc: GeneratedDocument, format: DocumentFormat): Promise<Response> {
  if (format === "docx") return attachmentResponse({ name: `${doc.name}.docx`, asciiName: `${doc.asciiName}.docx`, type: DOCX_TYPE, data: doc.docx });
  if (!libreOffice()) return noPdf("pdfUnavailable");
  const pdf = await docxToPdf(Buffer.from(doc.docx));
  if (!pdf) return noPdf("pdfFailed");
  return attachmentResponse({ name: `${doc.name}.pdf`, asciiName: `${doc.asciiName}.pdf`, type: PDF_TYPE, data: pdf });
}

/** Whether the pages offer PDF links next to the .docx ones: only when the server can make them. */
export function pdfOffered(): boolean {
  return libreOffice() !== null;
}

/** A document link in the asked format (`?format=` added to whatever the link already has). */
export function documentHref(href: string, format: DocumentFormat): string {
  return `${href}${href.includes("?") ? "&" : "?"}format=${format}`;
}
