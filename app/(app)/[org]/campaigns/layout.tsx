import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the school's monitoring campaign pages needs (docs/decisions/014). */
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["campaigns", "errors"]}>{children}</ClientMessages>;
}
