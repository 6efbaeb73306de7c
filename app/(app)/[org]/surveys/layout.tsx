import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the questionnaire pages needs (docs/decisions/014). */
export default function SurveysLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["surveys", "errors"]}>{children}</ClientMessages>;
}
