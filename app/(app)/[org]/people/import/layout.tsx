import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the import of people (the people layout adds people and errors) needs (docs/decisions/014). */
export default function PeopleImportLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["peopleImport"]}>{children}</ClientMessages>;
}
