import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the office's community pages needs (docs/decisions/014). */
export default function CommunitiesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["communities", "errors"]}>{children}</ClientMessages>;
}
