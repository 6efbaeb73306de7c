import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the partners page needs (docs/decisions/014). */
export default function PartnersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["partners", "errors"]}>{children}</ClientMessages>;
}
