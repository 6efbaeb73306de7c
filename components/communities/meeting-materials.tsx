import { getTranslations } from "next-intl/server";
import { AttachFile } from "@/components/ui/attach-file";
import { Section } from "@/components/ui/page-header";
import { attachCommunityMaterial } from "@/lib/communities/actions";
import { ACCEPT, DOCUMENT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";

/** A meeting's materials (the office's files) and, for who manages the communities, attaching one. */
export async function MeetingMaterials({ org, href, meetingId, materials, manage }: { org: string; href: string; meetingId: string; materials: { id: string; fileName: string }[]; manage: boolean }) {
  const t = await getTranslations("communities");
  return (
    <Section title={t("materialsTitle")} id="materials">
      {materials.length === 0 ? (
        <p>{t("noMaterials")}</p>
      ) : (
        <ul className="list-disc pl-5">
          {materials.map((f) => (
            <li key={f.id}>
              <a href={`${href}/${f.id}`} className="text-brand-700 underline">
                {f.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <div className="mt-4">
          <AttachFile
            action={attachCommunityMaterial}
            fields={{ org, communityMeetingId: meetingId }}
            label={t("file", { mb: megabytes(DOCUMENT_MAX_BYTES) })}
            submitLabel={t("attach")}
            doneText={t("attached")}
            accept={ACCEPT.letter}
            maxBytes={DOCUMENT_MAX_BYTES}
          />
        </div>
      ) : null}
    </Section>
  );
}
