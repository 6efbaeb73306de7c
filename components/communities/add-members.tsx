import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { addCommunityMember } from "@/lib/communities/actions";
import { roleText } from "./community-members";

type Candidate = { personId: string; name: string; position: string | null; curator: boolean; mentor: boolean };

/**
 * Adding members: a plain GET form chooses the school (works without JavaScript), then each of its people with a
 * consent in force for district communities gets an «Добавить» button.
 */
export async function AddMembers({ org, communityId, schools, school, candidates }: { org: string; communityId: string; schools: { id: string; name: string }[]; school: string | null; candidates: Candidate[] | null }) {
  const t = await getTranslations("communities");
  const roles = await Promise.all((candidates ?? []).map((c) => roleText(c)));
  return (
    <Section title={t("addTitle")} id="add">
      <p className="mb-2">{t("addIntro")}</p>
      <form method="get" action={`/${org}/district/communities/${communityId}#add`} className="mb-4 flex flex-wrap items-end gap-2">
        {/* min-w-0: a long school name must not widen the page on a phone (the select shrinks, its options stay whole). */}
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm">
          {t("school")}
          <select name="school" defaultValue={school ?? ""} className="control w-full max-w-full">
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-brand-700 px-3 py-2 text-brand-700">
          {t("showPeople")}
        </button>
      </form>
      {candidates === null ? null : candidates.length === 0 ? (
        <p>{t("noCandidates")}</p>
      ) : (
        <Table caption={t("candidatesCaption")} head={[t("colPerson"), t("colPosition"), t("colRole"), t("add")]}>
          {candidates.map((c, i) => (
            <tr key={c.personId}>
              <Td>{c.name}</Td>
              <Td>{c.position ?? "—"}</Td>
              <Td>{roles[i]}</Td>
              <Td>
                <ActionButton action={addCommunityMember} input={{ org, communityId, personId: c.personId }} label={t("add")} done={t("added")} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
