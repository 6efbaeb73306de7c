import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import clientErrorKeys from "@/lib/i18n/client-error-keys.json";
import clientKeys from "@/lib/i18n/client-keys.json";
import type { Messages } from "@/lib/i18n/config";
import { MergeMessages } from "./merge-messages";

export type MessageNamespace = keyof Messages;

const KEYS: Record<string, string | string[] | undefined> = clientKeys; // "*": the whole namespace
/** "errors" per provider, by its namespaces joined with "+": the keys the routes below it name. */
const ERROR_KEYS: Record<string, string[] | undefined> = clientErrorKeys;

/**
 * The one way to give browser code its texts (docs/decisions/014): the listed namespaces of the request's
 * locale, added to those of the providers above — never the whole catalog; and of each namespace only the
 * keys browser code names (lib/i18n/client-keys.json, which lib/i18n/client-messages.test.ts derives from
 * the code; for "errors", those the routes below this provider name, lib/i18n/client-error-keys.json). The root layout's NextIntlClientProvider carries no messages; each area's layout (or a
 * component that scopes its own texts) wraps its output in this. The same test checks, for every route,
 * that the providers on its path cover what its client components use, and that none ships a namespace
 * nothing below it uses.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessageNamespace[]; children: ReactNode }) {
  const all = (await getMessages()) as AbstractIntlMessages;
  const messages: AbstractIntlMessages = {};
  for (const ns of namespaces) {
    const value = all[ns];
    if (value === undefined || typeof value === "string") continue;
    const keys = (ns === "errors" ? ERROR_KEYS[namespaces.join("+")] : undefined) ?? KEYS[ns];
    messages[ns] = Array.isArray(keys) ? Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]!])) : value;
  }
  return <MergeMessages messages={messages}>{children}</MergeMessages>;
}
