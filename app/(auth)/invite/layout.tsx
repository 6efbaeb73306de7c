import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of an invitation needs (docs/decisions/014). */
export default function InviteLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["invite"]}>{children}</ClientMessages>;
}
