import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the cross-school pairs pages needs (docs/decisions/014). */
export default function CrossPairsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["crossPairs", "vocabulary", "errors"]}>{children}</ClientMessages>;
}
