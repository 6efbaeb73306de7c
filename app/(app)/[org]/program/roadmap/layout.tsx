import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the roadmap pages (the program layout adds program and errors) needs (docs/decisions/014). */
export default function RoadmapLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["roadmap", "deadlines", "stages"]}>{children}</ClientMessages>;
}
