import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of stage 7 (the program layout adds program and errors) needs (docs/decisions/014). */
export default function CompletionLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["completion"]}>{children}</ClientMessages>;
}
