import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the stage-1 pack page needs (docs/decisions/014). */
export default function Stage1Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["stage1"]}>{children}</ClientMessages>;
}
