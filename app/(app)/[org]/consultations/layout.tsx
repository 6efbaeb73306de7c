import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the consultations pages needs (docs/decisions/014). */
export default function ConsultationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["consultations", "errors"]}>{children}</ClientMessages>;
}
