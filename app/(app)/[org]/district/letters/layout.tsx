import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the letters pages needs (docs/decisions/014). */
export default function LettersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["letters", "errors"]}>{children}</ClientMessages>;
}
