import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { reasonText, type Tr } from "@/lib/monitoring/district-text";
import type { schoolFigureRows } from "@/lib/monitoring/district-xlsx";
import type { getDistrictDashboard } from "@/lib/monitoring/queries";

// The sections of one school as its municipal office sees it (app/(app)/[org]/district/[schoolId]/page.tsx): the same
// aggregates as its dashboard row, in full — no names, no difficulties.

type DistrictSchool = Awaited<ReturnType<typeof getDistrictDashboard>>["schools"][number];
export type FigureGroup = { id: string; title: string; rows: ReturnType<typeof schoolFigureRows> };

async function translators() {
  const intl = await getTranslations("monitoring.district");
  const intlSchool = await getTranslations("monitoring.school");
  const t: Tr = (key, values) => intl(key as never, values as never);
  const ts: Tr = (key, values) => intlSchool(key as never, values as never);
  return { t, ts };
}

/** Whether the school keeps up, and if not, why (each reason in words). */
export async function DistrictSchoolStatus({ school }: { school: DistrictSchool }) {
  const { t, ts } = await translators();
  return (
    <Section title={ts("statusTitle")} id="status">
      {school.lagging ? (
        <div role="status" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="flex items-center gap-2 font-semibold">
            <span aria-hidden="true">⚠</span>
            {t("lagging")}
          </p>
          <ul className="mt-2 list-disc pl-5">
            {school.reasons.map((r, i) => (
              <li key={i}>{reasonText(t, r)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Notice kind="success">{ts("onTrack")}</Notice>
      )}
    </Section>
  );
}

/** The school's figures in groups, each group a table of indicator and value. */
export async function DistrictSchoolFigures({ groups }: { groups: FigureGroup[] }) {
  const { t } = await translators();
  return (
    <>
      {groups.map((g) => (
        <Section key={g.id} title={g.title} id={g.id}>
          <Table caption={g.title} head={[t("indicator"), t("value")]}>
            {g.rows.map(([label, value], i) => (
              <tr key={i}>
                <Td>{label}</Td>
                <Td>{value === null ? "—" : String(value)}</Td>
              </tr>
            ))}
          </Table>
        </Section>
      ))}
    </>
  );
}
