// Files as a form posts them and bytes as an upload reads them, for the import and upload tests.

/** The text as UTF-8 bytes. */
export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A CSV file of the text (UTF-8), as the browser hands an upload to an action. */
export const csvFile = (text: string, name = "list.csv") => new File([utf8(text)], name, { type: "text/csv" });

/** `n` as four digits, so that numbered names (`Фамилия0042`) sort as text the way they sort as numbers. */
export const pad4 = (n: number) => String(n).padStart(4, "0");
