import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the office's public section controls needs (docs/decisions/014). */
export default function OfficeSiteLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["officeSite", "publication", "errors", "vocabulary"]}>{children}</ClientMessages>;
}
