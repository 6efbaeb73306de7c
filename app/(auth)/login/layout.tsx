import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the sign-in page needs (docs/decisions/014). */
export default function LoginLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["login"]}>{children}</ClientMessages>;
}
