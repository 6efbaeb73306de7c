import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the people pages needs (docs/decisions/014). */
export default function PeopleLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["people", "errors", "accounts", "roles", "vocabulary"]}>{children}</ClientMessages>;
}
