// Names shared by the PGlite fault test's child processes.
export const PGLITE_FAULT_SCHOOL = "faults-pglite";
export const PGLITE_FAULT_CURATOR = "curator@faults-pglite.test";
/** People per import in the writer: one transaction, two INSERTs (1 000 rows a chunk) and the audit record. */
export const IMPORT_ROWS = 1200;

/** Digits spelled as letters (person names may hold letters, space, hyphen and apostrophe only). */
export const inLetters = (n: number) => [...String(n)].map((d) => "абвгдежзик"[Number(d)]).join("");
/** The last name every person of one import batch shares. */
export const importBatchName = (round: string | number, i: number) => `Импорт-${inLetters(Number(round))}-${inLetters(i)}`;
