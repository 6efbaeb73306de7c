import { getTranslations } from "next-intl/server";

/** A letter's files as download links (the route checks the reader: the office or an addressed school). */
export async function LetterFiles({ org, letterId, files }: { org: string; letterId: string; files: { id: string; fileName: string }[] }) {
  if (files.length === 0) return null;
  const t = await getTranslations("letters");
  return (
    <div className="mt-4">
      <h3 className="font-medium">{t("files")}</h3>
      <ul className="list-disc pl-5">
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/${org}/letters/${letterId}/files/${f.id}`} className="text-brand-700 underline">
              {f.fileName}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
