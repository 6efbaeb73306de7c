import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of a questionnaire (the surveys layout adds surveys and errors) needs (docs/decisions/014). */
export default function SurveyLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["people"]}>{children}</ClientMessages>;
}
