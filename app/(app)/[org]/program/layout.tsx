import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the program pages needs (docs/decisions/014). */
export default function ProgramLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["program", "errors"]}>{children}</ClientMessages>;
}
