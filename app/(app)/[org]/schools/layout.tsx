import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the district's schools page needs (docs/decisions/014). */
export default function SchoolsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["schools", "members", "roles", "errors", "registry"]}>{children}</ClientMessages>;
}
