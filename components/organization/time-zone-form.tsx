import { ClientMessages } from "@/components/i18n/client-messages";
import { TimeZoneFields } from "./time-zone-fields";

/**
 * The head's «Часовой пояс» setting; the zone list comes from the server (Intl.supportedValuesOf). It
 * brings its own texts: the organization's home page has no other browser code that needs messages.
 */
export function TimeZoneForm(props: { org: string; timeZone: string; zones: string[] }) {
  return (
    <ClientMessages namespaces={["home", "errors"]}>
      <TimeZoneFields {...props} />
    </ClientMessages>
  );
}
