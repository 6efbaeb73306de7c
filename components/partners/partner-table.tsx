import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { formatCalendarDate } from "@/lib/format";
import { deletePartner } from "@/lib/partners/actions";

type Partner = {
  id: string;
  name: string;
  inn: string;
  agreementNumber: string | null;
  agreementDate: Date | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  mentors: { id: string; name: string; active: boolean }[];
};

/** The register: a partner per row with its agreement, its contact and the mentors it provided. */
export async function PartnerTable({ org, partners }: { org: string; partners: Partner[] }) {
  const t = await getTranslations("partners");
  if (partners.length === 0) return <p>{t("none")}</p>;
  return (
    <Table caption={t("registerTitle")} head={[t("name"), t("inn"), t("agreement"), t("contact"), t("mentors"), t("actions")]}>
      {partners.map((p) => (
        <tr key={p.id}>
          <Td>{p.name}</Td>
          <Td>{p.inn}</Td>
          <Td>
            {p.agreementNumber || p.agreementDate
              ? t("agreementValue", { number: p.agreementNumber ?? "—", date: p.agreementDate ? formatCalendarDate(p.agreementDate) : "—" })
              : t("noAgreement")}
          </Td>
          <Td>{[p.contactName, p.phone, p.email].filter(Boolean).join(", ") || "—"}</Td>
          <Td>{p.mentors.length === 0 ? t("noMentors") : p.mentors.map((m) => m.name).join(", ")}</Td>
          <Td>
            <ActionButton action={deletePartner} input={{ org, partnerId: p.id }} label={t("delete")} confirm={t("deleteConfirm", { name: p.name })} done={t("deleted")} variant="danger" />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
