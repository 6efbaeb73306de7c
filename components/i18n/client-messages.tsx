import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_ERROR_KEYS } from "@/lib/i18n/client-errors";
import type { Messages } from "@/lib/i18n/config";
import { MergeMessages } from "./merge-messages";

export type MessageNamespace = keyof Messages;

/**
 * The one way to give browser code its texts (docs/decisions/014): the listed namespaces of the request's
 * locale, added to those of the providers above — never the whole catalog; of "errors", only the keys the
 * browser itself translates (lib/i18n/client-errors.ts). The root layout's
 * NextIntlClientProvider carries no messages; each area's layout (or a component that scopes its own
 * texts) wraps its output in this. lib/i18n/client-messages.test.ts checks, for every route, that the
 * providers on its path cover what its client components use, and that none ships a namespace nothing
 * below it uses.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessageNamespace[]; children: ReactNode }) {
  const all = (await getMessages()) as AbstractIntlMessages;
  const messages: AbstractIntlMessages = {};
  for (const ns of namespaces) {
    const value = all[ns];
    if (value === undefined || typeof value === "string") continue;
    // "errors" holds every action's refusals, translated on the server: the browser gets its own keys only.
    messages[ns] = ns === "errors" ? Object.fromEntries(Object.entries(value).filter(([key]) => CLIENT_ERROR_KEYS.has(key))) : value;
  }
  return <MergeMessages messages={messages}>{children}</MergeMessages>;
}
