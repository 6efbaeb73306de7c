import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The program editor's browser texts, as on a school pair's program page (docs/decisions/014, 062). */
export default function CrossPairProgramLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["personalProgram", "banks"]}>{children}</ClientMessages>;
}
