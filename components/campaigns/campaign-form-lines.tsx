import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { removeCampaignIndicator } from "@/lib/campaigns/office-actions";
import { wordedLines } from "./line-titles";

type Line = { id: string; title: string; answerType: string; libraryKey: string | null };

/** The campaign's form as the office sees it: each line, its answer type, whether the app computes it; removable until a school submits. */
export async function CampaignFormLines({ org, campaignId, lines, editable }: { org: string; campaignId: string; lines: Line[]; editable: boolean }) {
  const t = await getTranslations("campaigns");
  const worded = await wordedLines(lines);
  const head = [t("colNo"), t("colIndicator"), t("colType"), t("colSource"), ...(editable ? [t("colActions")] : [])];
  return (
    <Table caption={t("formTitle")} head={head}>
      {worded.map((line, i) => (
        <tr key={line.id}>
          <Td>{i + 1}</Td>
          <Td>{line.title}</Td>
          <Td>{t(`type.${line.answerType}` as "type.NUMBER")}</Td>
          <Td>{line.libraryKey ? t("computedSource") : t("ownSource")}</Td>
          {editable ? (
            <Td>
              <ActionButton action={removeCampaignIndicator} input={{ org, campaignId, indicatorId: line.id }} label={t("remove")} done={t("removed")} />
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
