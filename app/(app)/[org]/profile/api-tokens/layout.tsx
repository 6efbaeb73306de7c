import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the API tokens page needs (docs/decisions/014). */
export default function ApiTokensLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["apiTokens"]}>{children}</ClientMessages>;
}
