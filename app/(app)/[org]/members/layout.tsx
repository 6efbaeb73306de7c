import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the members page needs (docs/decisions/014). */
export default function MembersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["members", "roles", "errors", "accounts"]}>{children}</ClientMessages>;
}
