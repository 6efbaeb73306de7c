import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the profile page needs (docs/decisions/014). */
export default function ProfileLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["profile", "errors"]}>{children}</ClientMessages>;
}
