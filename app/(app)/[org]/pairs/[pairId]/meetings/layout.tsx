import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of a pair's meetings (the pairs layout adds pairs and errors) needs (docs/decisions/014). */
export default function MeetingsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["meetings"]}>{children}</ClientMessages>;
}
