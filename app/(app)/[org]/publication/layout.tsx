import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the public section's controls needs (docs/decisions/014). */
export default function PublicationLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["publication", "errors"]}>{children}</ClientMessages>;
}
