import { z } from "zod";

/**
 * Every upload limit of the app, in one place (issue #12). The forms check a chosen file against the same
 * constant before sending it, the actions' schemas refuse a larger one with a message naming the limit,
 * and the request body limits (Next's server actions, proxy.ts) are derived from the largest of them, so
 * that a file at a limit always reaches its action and nothing a form can send ends in an HTTP error.
 */

export const MIB = 1024 * 1024;

/** Scans and documents: a signed local act, a consent scan, a material of the методическая копилка. */
export const DOCUMENT_MAX_BYTES = 10 * MIB;
/** Lists of people (.xlsx/.csv, up to 10 000 rows) and roadmap files (.docx, a PDF of up to 100 pages, or a text table). */
export const IMPORT_MAX_BYTES = 5 * MIB;
/**
 * Lists of organizations for the registry (.xlsx/.csv, up to 3 000 rows, docs/decisions/017): a list of
 * 2 000 schools with every column filled is about 0.6 MB as CSV and 0.25 MB as .xlsx; a 5 MB file is refused.
 */
export const REGISTRY_MAX_BYTES = 3 * MIB;

/**
 * The largest request body the server accepts: the largest file plus the form's other fields and the
 * multipart framing. next.config.ts gives it to Next (server actions and the body buffered for proxy.ts);
 * proxy.ts answers a larger declared body with 413 and a Russian text before Next reads it.
 */
export const REQUEST_BODY_MAX_BYTES = DOCUMENT_MAX_BYTES + MIB;

/** A limit as the whole number of megabytes the messages name («Файл больше 10 МБ»). */
export const megabytes = (bytes: number) => Math.round(bytes / MIB);

/** What the file inputs accept (also what the upload suite builds its test files from). */
export const ACCEPT = {
  act: ".pdf,.jpg,.jpeg,.png,.docx,.doc",
  consentScan: ".pdf,.jpg,.jpeg,.png",
  practice: ".pdf,.docx,.pptx,.jpg,.jpeg,.png",
  peopleList: ".xlsx,.csv,.txt",
  registryList: ".xlsx,.csv",
  roadmap: ".docx,.pdf,.txt,.md,.tsv,.csv",
  /** A letter's attachment and a deadline's evidence (decision 047). */
  letter: ".pdf,.docx,.doc,.xlsx,.jpg,.jpeg,.png",
} as const;

export type UploadField = { maxBytes: number; accept: string };

/** The file fields of action schemas with their limits: the upload suite finds every upload action here. */
export const UPLOAD_FIELDS = z.registry<UploadField>();

/**
 * A file field of an action's input: required and not empty (unless `allowEmpty`: an optional upload
 * whose empty file input means "no file"), at most `maxBytes` (refused with the message `tooLarge`, by
 * default «Файл больше N МБ.», which also becomes the refusal's headline), then the action's own type check.
 */
export function uploadFile(options: {
  maxBytes: number;
  accept: string;
  allowEmpty?: boolean;
  tooLarge?: string;
  type?: (file: File) => boolean;
  typeError?: string;
}) {
  const { maxBytes, accept, allowEmpty = false, tooLarge = "fileTooLarge", type, typeError = "fileType" } = options;
  const schema = z
    .instanceof(File, { error: "fileRequired" })
    .refine((f) => allowEmpty || f.size > 0, { error: "fileRequired", abort: true })
    .refine((f) => f.size <= maxBytes, { error: tooLarge, params: { max: megabytes(maxBytes), headline: true }, abort: true })
    .refine((f) => !type || (allowEmpty && f.size === 0) || type(f), { error: typeError });
  schema.register(UPLOAD_FIELDS, { maxBytes, accept });
  return schema;
}

/** The client-side check before sending: the message key and values of a file over its limit, or null. */
export function fileTooLarge(file: { size: number }, maxBytes: number, key = "fileTooLarge"): { key: string; values: { max: number } } | null {
  return file.size > maxBytes ? { key, values: { max: megabytes(maxBytes) } } : null;
}
