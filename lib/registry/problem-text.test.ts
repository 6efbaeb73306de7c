import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nthInn } from "../../tests/fixtures/registry/numbers";
import { checkRegistryRows, slugProblem, type RegistryParent } from "./check";
import { problemLines, registryWords } from "./problem-text";
import { readRegistrySheet } from "./read";

// check.ts finds problems in no language; the reader's words come from the message files: the operator's
// Russian as it always read, an English reader's English (the cell's own text and the template's Russian
// headers and «Вид» words stay as the file holds them).
const municipality: RegistryParent = { id: "00000000-0000-4000-8000-000000000001", kind: "MUNICIPALITY", name: "Благодарненский муниципальный округ", timeZone: "Europe/Moscow" };

async function handTyped() {
  const name = "hand-typed-errors.csv";
  const read = await readRegistrySheet(new Uint8Array(readFileSync(path.join(__dirname, "../../tests/fixtures/registry", name))), name);
  if (!read.ok) throw new Error(read.problem.key);
  return checkRegistryRows(read.sheet.rows, municipality, { slugs: new Set(), inns: new Set(), siblingNames: new Set() });
}

describe("the registry's row problems in words", () => {
  it("words a refused list's rows in Russian", async () => {
    const lines = problemLines(await handTyped(), "ru");
    expect(lines).toContain("Строка 3: не указан «Вид»: школа, детский сад, колледж, дополнительное образование, муниципалитет или регион");
    expect(lines).toContain("Строка 10: организация вида «муниципалитет» не может входить в «Благодарненский муниципальный округ» (муниципалитет)");
    expect(lines).toContain(`Строка 5: ИНН ${nthInn("26050", 302)} уже указан в строке 3`);
    expect(lines).toContain("Строка 8: в столбце «Полное наименование» формула: вставьте в ячейку значение, а не формулу");
  });

  it("words the same rows in English", async () => {
    const lines = problemLines(await handTyped(), "en");
    expect(lines).toHaveLength(11);
    expect(lines).toEqual([
      expect.stringMatching(/^Row 2: INN «\d{10}» is wrong: the check digit does not match$/),
      "Row 3: the column «Вид» (Kind) is empty: enter школа, детский сад, колледж, дополнительное образование, муниципалитет or регион",
      "Row 4: the kind «интернат» is not recognised: enter школа, детский сад, колледж, дополнительное образование, муниципалитет or регион",
      `Row 5: INN ${nthInn("26050", 302)} is already given in row 3`,
      "Row 6: the organization «мбоу сош № 7» is already listed in row 2",
      "Row 7: OGRN «12345»: 13 digits are needed (15 for a sole proprietor's OGRNIP)",
      "Row 7: the head's e-mail «director11@» is not a valid address",
      "Row 8: the column «Полное наименование» (Full name) holds a formula: put a value in the cell, not a formula",
      "Row 9: the column «Полное наименование» (Full name) holds control characters: type the value again",
      "Row 10: a municipality («муниципалитет») cannot belong to «Благодарненский муниципальный округ» (a municipality)",
      "Row 11: the column «Полное наименование» (Full name) is empty",
    ]);
  });

  it("words a typed page address's problem in either language", () => {
    const taken = slugProblem("sosh-1", () => true)!;
    expect(registryWords("ru")(taken)).toBe("адрес «sosh-1» уже занят другой организацией");
    expect(registryWords("en")(taken)).toBe("the address «sosh-1» is already taken by another organization");
    expect(registryWords("en")(slugProblem("login", () => false)!)).toBe("the address «login» is used by the application itself: choose another");
    expect(slugProblem("shkola-1", () => false)).toBeNull();
  });
});
