import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the account page needs (docs/decisions/014). */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["account"]}>{children}</ClientMessages>;
}
