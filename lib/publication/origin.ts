import "server-only";
import { headers } from "next/headers";
import { envVariable } from "../env";

/**
 * The site's origin for canonical and Open Graph addresses: AUTH_URL when it is set (the address the app
 * is served at), otherwise the request's host — accepted only when it looks like a host name.
 */
export async function siteOrigin(): Promise<URL | null> {
  const configured = envVariable("AUTH_URL");
  if (configured) {
    try {
      return new URL(new URL(configured).origin);
    } catch {
      // fall through to the request
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return null;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return new URL(`${proto}://${host}`);
}
