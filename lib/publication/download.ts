import { attachmentResponse, textResponse } from "../http/attachment";
import type { PublicFile } from "./public";

/** A published file as a download (lib/http/attachment.ts), or 404. */
export function fileResponse(file: PublicFile | null): Response {
  return file ? attachmentResponse(file) : textResponse(404, "Not found");
}
