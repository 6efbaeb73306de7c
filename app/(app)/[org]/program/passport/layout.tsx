import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the program passport (the program layout adds program and errors) needs (docs/decisions/014). */
export default function PassportLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["passport"]}>{children}</ClientMessages>;
}
