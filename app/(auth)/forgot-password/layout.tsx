import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the password reset request needs (docs/decisions/014). */
export default function ForgotPasswordLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["passwordReset"]}>{children}</ClientMessages>;
}
