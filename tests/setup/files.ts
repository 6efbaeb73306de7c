import { readFile } from "node:fs/promises";
import JSZip from "jszip";

// Files as a form posts them and bytes as an upload reads them, for the import and upload tests.

/** The text as UTF-8 bytes. */
export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A CSV file of the text (UTF-8), as the browser hands an upload to an action. */
export const csvFile = (text: string, name = "list.csv") => new File([utf8(text)], name, { type: "text/csv" });

/** `n` as four digits, so that numbered names (`Фамилия0042`) sort as text the way they sort as numbers. */
export const pad4 = (n: number) => String(n).padStart(4, "0");

/** Distinct Cyrillic surnames `<prefix><letters>`: 0 → «…б», 1 → «…в»…, so that no two imported rows are duplicates. */
export function distinctSurname(i: number, prefix: string): string {
  const letters = "абвгдежзиклмнопрстуфхцчшэюя";
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor(n / letters.length)) s = letters[n % letters.length]! + s;
  return `${prefix}${s}`;
}

/** The running text of a downloaded .docx (its word/document.xml without tags), as a reader would search it. */
export async function docxFileText(path: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(await readFile(path))).file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/\u00a0/g, " ");
}
