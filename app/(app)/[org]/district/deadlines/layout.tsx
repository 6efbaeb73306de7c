import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the deadlines page needs (docs/decisions/014). */
export default function DeadlinesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["deadlines", "errors"]}>{children}</ClientMessages>;
}
