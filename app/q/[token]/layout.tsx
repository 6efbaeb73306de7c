import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of a questionnaire answered by one-time link needs (docs/decisions/014). */
export default function SurveyLinkLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["surveys", "errors"]}>{children}</ClientMessages>;
}
