import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the operator's pages needs (docs/decisions/014). */
export default function OperatorLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["operator", "errors"]}>{children}</ClientMessages>;
}
