import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the outbox needs (docs/decisions/014). */
export default function OutboxLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["outbox", "accounts"]}>{children}</ClientMessages>;
}
