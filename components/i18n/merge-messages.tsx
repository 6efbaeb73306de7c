"use client";

import { IntlProvider, useLocale, useMessages, type AbstractIntlMessages } from "next-intl";
import { useMemo, type ReactNode } from "react";

/**
 * Adds namespaces to the messages of the provider above (IntlProvider alone would replace them); the
 * time zone, formats and error handling are inherited from that provider.
 */
export function MergeMessages({ messages, children }: { messages: AbstractIntlMessages; children: ReactNode }) {
  const locale = useLocale();
  const parent = useMessages();
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return (
    <IntlProvider locale={locale} messages={merged}>
      {children}
    </IntlProvider>
  );
}
