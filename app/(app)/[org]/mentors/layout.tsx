import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the mentor bank needs (docs/decisions/014). */
export default function MentorsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["banks", "errors", "vocabulary"]}>{children}</ClientMessages>;
}
