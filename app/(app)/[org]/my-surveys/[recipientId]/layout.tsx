import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of a questionnaire answered in the app needs (docs/decisions/014). */
export default function MySurveyLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["surveys", "errors"]}>{children}</ClientMessages>;
}
