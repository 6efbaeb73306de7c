import { describe, expect, it } from "vitest";
import { allowedPublicFields, type ConsentRecord } from "./consent";
import { buildConsentDocument, type ConsentDocumentInput } from "./consent-document";

const organization: ConsentDocumentInput["organization"] = {
  kind: "SCHOOL", schoolKind: "KINDERGARTEN",
  name: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок»", shortName: "МБДОУ «Детский сад № 3 «Родничок»",
  place: "с. Левокумское", address: "357960, с. Левокумское, ул. Гагарина, д. 15", phone: null, email: null, website: "ds3-rodnichok.demo",
  inn: "2699016891", ogrn: "1032699768463", headPosition: null, headName: "Гончарова Светлана Викторовна",
};
const teacher: ConsentDocumentInput["person"] = { kind: "TEACHER", lastName: "Соколова", firstName: "Мария", middleName: "Ивановна", birthDate: new Date("1985-02-01T00:00:00Z"), minor: false, position: "Воспитатель", grade: null, email: "s@example.org", phone: null };
const child: ConsentDocumentInput["person"] = { kind: "STUDENT", lastName: "Петров", firstName: "Иван", middleName: null, birthDate: new Date("2019-04-01T00:00:00Z"), minor: true, position: null, grade: "старшая", email: null, phone: null };
const consent: ConsentDocumentInput["consent"] = { purpose: "BANK", givenBy: "SUBJECT", representativeName: null, representativeDocument: null, givenAt: new Date("2026-09-05T00:00:00Z"), validUntil: null, publicFields: [], publicConditions: null };
const text = (r: ReturnType<typeof buildConsentDocument>) => (r.ok ? [...r.document.title, ...r.document.paragraphs, ...r.document.closing, ...(r.document.table?.rows.flat() ?? [])].join("\n") : "");

describe("buildConsentDocument", () => {
  it("states the operator with its requisites, the subject, one purpose, its data, the term and how to revoke", () => {
    const r = buildConsentDocument({ organization, person: teacher, consent });
    expect(r.ok).toBe(true);
    const t = text(r);
    for (const s of ["Соколова Мария Ивановна, дата рождения 01.02.1985, Воспитатель", "«Детский сад № 3 «Родничок» (ИНН 2699016891, ОГРН 1032699768463), адрес: 357960, с. Левокумское", "1. Цель обработки: включение в банк", "2. Перечень персональных данных", "с 05.09.2026", "может быть отозвано письменным заявлением", "статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ"]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain("участие в наставнической паре");
    if (r.ok) expect(r.document.signature.signer).toBe("М.И. Соколова");
  });

  it("prints the legal representative's version for a minor, signed by the representative", () => {
    const r = buildConsentDocument({ organization, person: child, consent: { ...consent, purpose: "PAIRS", givenBy: "REPRESENTATIVE", representativeName: "Петрова Анна Сергеевна, мать", representativeDocument: "свидетельство о рождении II-ДН № 123456" } });
    const t = text(r);
    expect(t).toContain("законного представителя несовершеннолетнего");
    expect(t).toContain("Я, Петрова Анна Сергеевна, мать, документ, удостоверяющий личность");
    expect(t).toContain("законным представителем несовершеннолетнего (несовершеннолетней) Петров Иван, дата рождения 01.04.2019, класс (группа) старшая на основании свидетельство о рождении II-ДН № 123456");
    expect(t).toContain("персональных данных моего ребёнка (подопечного)");
    if (r.ok) expect(r.document.signature.signer).toBe("А.С. Петрова");
  });

  it("refuses a minor's consent without a representative, and a profile without the operator's address", () => {
    expect(buildConsentDocument({ organization, person: child, consent })).toEqual({ ok: false, missing: ["законный представитель несовершеннолетнего (согласие за несовершеннолетнего даёт законный представитель)"] });
    expect(buildConsentDocument({ organization: { ...organization, address: " " }, person: teacher, consent })).toEqual({ ok: false, missing: ["адрес организации"] });
  });

  it("lists in the dissemination consent what is allowed and what is not, the resources and the conditions", () => {
    const r = buildConsentDocument({
      organization, person: teacher, publicSectionUrl: "https://nastavnik.example/s/ds-rodnichok",
      consent: { ...consent, purpose: "PUBLICATION", publicFields: ["NAME", "COMPETENCIES"], publicConditions: "только на сайте организации" },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.title.join(" ")).toContain("разрешённых субъектом персональных данных для распространения");
    expect(r.document.table!.rows).toEqual([
      ["общие", "фамилия, имя, отчество", "да", "только на сайте организации"],
      ["общие", "должность", "нет", "—"],
      ["общие", "преподаваемые предметы", "нет", "—"],
      ["общие", "компетенции наставника", "да", "только на сайте организации"],
    ]);
    expect(text(r)).toContain("ds3-rodnichok.demo; https://nastavnik.example/s/ds-rodnichok");
    expect(text(r)).toContain("ч. 12 ст. 10.1");
  });
});

describe("allowedPublicFields", () => {
  const at = new Date("2026-11-25T00:00:00Z");
  const subject = { birthDate: new Date("1980-01-01T00:00:00Z") };
  const pub = (fields: ConsentRecord["publicFields"], givenAt: string, extra: Partial<ConsentRecord> = {}): ConsentRecord => ({ purposes: ["PUBLICATION"], givenBy: "SUBJECT", givenAt: new Date(givenAt), separateDocument: true, publicFields: fields, ...extra });
  it("takes the fields of the latest valid consent to dissemination", () => {
    expect([...allowedPublicFields(subject, [pub(["NAME", "POSITION"], "2026-09-01"), pub(["NAME"], "2026-10-01")], at)]).toEqual(["NAME"]);
    expect([...allowedPublicFields(subject, [pub(["NAME", "POSITION"], "2026-09-01"), pub(["NAME"], "2026-10-01", { revokedAt: new Date("2026-11-01") })], at)]).toEqual(["NAME", "POSITION"]);
  });
  it("allows nothing without a valid one", () => {
    expect(allowedPublicFields(subject, [pub(["NAME"], "2026-09-01", { revokedAt: new Date("2026-10-01") })], at).size).toBe(0);
    expect(allowedPublicFields(subject, [{ ...pub(["NAME"], "2026-09-01"), purposes: ["BANK"] }], at).size).toBe(0);
  });
});
