import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the SWOT page needs (docs/decisions/014). */
export default function SwotLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["swot", "errors"]}>{children}</ClientMessages>;
}
