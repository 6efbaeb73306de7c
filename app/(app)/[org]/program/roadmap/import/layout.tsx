import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the roadmap import (the layouts above add roadmap, program and errors) needs (docs/decisions/014). */
export default function RoadmapImportLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["import", "roadmapWarnings"]}>{children}</ClientMessages>;
}
