import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The texts the browser code of the district awards form needs (docs/decisions/014). */
export default function DistrictAwardsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["districtAwards", "errors", "vocabulary"]}>{children}</ClientMessages>;
}
