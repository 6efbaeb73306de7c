import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the pairs pages needs (docs/decisions/014). */
export default function PairsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["pairs", "vocabulary", "errors"]}>{children}</ClientMessages>;
}
