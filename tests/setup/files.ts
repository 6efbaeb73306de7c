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

/** The WordprocessingML of a .docx (its word/document.xml), for a test that checks structure or exact runs. */
export async function docxXml(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
}

/**
 * The running text of a .docx (its word/document.xml without tags), as a reader would search it; no-break spaces kept
 * (a requisite such as «№ ____» is checked with its own), or made plain spaces with `plainSpaces`.
 */
export async function docxText(bytes: Uint8Array | ArrayBuffer, options: { plainSpaces?: boolean } = {}): Promise<string> {
  const text = (await docxXml(bytes)).replace(/<[^>]+>/g, "").replace(/&quot;/g, '"');
  return options.plainSpaces ? text.replace(/\u00a0/g, " ") : text;
}

/** The running text of a downloaded .docx file, with plain spaces. */
export async function docxFileText(path: string): Promise<string> {
  return docxText(await readFile(path), { plainSpaces: true });
}
