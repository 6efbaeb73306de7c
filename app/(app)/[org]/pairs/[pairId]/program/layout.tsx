import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of a pair's personalized program (the pairs layout adds pairs and errors) needs (docs/decisions/014). */
export default function PersonalProgramLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["personalProgram", "banks"]}>{children}</ClientMessages>;
}
