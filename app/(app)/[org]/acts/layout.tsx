import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the local acts page needs (docs/decisions/014). */
export default function ActsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["acts", "errors"]}>{children}</ClientMessages>;
}
