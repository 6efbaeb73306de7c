import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the practices pages needs (docs/decisions/014). */
export default function PracticesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["practices", "errors"]}>{children}</ClientMessages>;
}
