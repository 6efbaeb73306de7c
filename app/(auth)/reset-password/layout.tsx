import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the new-password page needs (docs/decisions/014). */
export default function ResetPasswordLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["passwordReset"]}>{children}</ClientMessages>;
}
