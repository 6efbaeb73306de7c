import { describe, expect, it } from "vitest";
import { approverPosition, documentAuthor, headPositionOf, headSignatory, requisiteLines, type OrganizationRequisites } from "./organization-profile";
import { checkInn, checkOgrn } from "./requisites";

const kindergarten: OrganizationRequisites = {
  kind: "SCHOOL",
  schoolKind: "KINDERGARTEN",
  name: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок»",
  shortName: "МБДОУ «Детский сад № 3 «Родничок»",
  place: "с. Левокумское",
  address: "357960, Ставропольский край, с. Левокумское, ул. Гагарина, д. 15",
  phone: "8 (86543) 3-33-03",
  email: "ds3@levokumsky.demo",
  website: "ds3.demo",
  inn: "2699016891",
  ogrn: "1032699768463",
  headPosition: null,
  headName: "Гончарова Светлана Викторовна",
};

describe("the requisites documents print", () => {
  it("the fixtures' numbers pass the checksums", () => {
    expect(checkInn(kindergarten.inn!)).toEqual({ ok: true, inn: kindergarten.inn });
    expect(checkOgrn(kindergarten.ogrn!)).toEqual({ ok: true, ogrn: kindergarten.ogrn });
  });

  it("a kindergarten is signed by «Заведующий» unless the profile names another position", () => {
    expect(headPositionOf(kindergarten)).toBe("Заведующий");
    expect(headPositionOf({ ...kindergarten, headPosition: "  " })).toBe("Заведующий");
    expect(headPositionOf({ ...kindergarten, headPosition: "Заведующая" })).toBe("Заведующая");
    expect(headPositionOf({ ...kindergarten, schoolKind: "GENERAL" })).toBe("Директор");
    expect(approverPosition(kindergarten)).toBe("Заведующий МБДОУ «Детский сад № 3 «Родничок»");
    expect(approverPosition({ ...kindergarten, kind: "MUNICIPALITY", schoolKind: null, headPosition: "Начальник отдела образования" })).toBe("Начальник отдела образования");
  });

  it("the profile's head signs; the fallback name only when the profile names nobody; blank when neither", () => {
    expect(headSignatory(kindergarten, "Иванова Анна Сергеевна")).toEqual({ position: "Заведующий", initialsAndSurname: "С.В. Гончарова" });
    expect(headSignatory({ ...kindergarten, headName: null }, "Иванова Анна Сергеевна")).toEqual({ position: "Заведующий", initialsAndSurname: "А.С. Иванова" });
    expect(headSignatory({ ...kindergarten, headName: null }, null)).toEqual({ position: "Заведующий", initialsAndSurname: "" });
  });

  it("reference data: address with contacts, then ИНН and ОГРН; the settlement is added when the address lacks it", () => {
    expect(requisiteLines(kindergarten)).toEqual([
      "357960, Ставропольский край, с. Левокумское, ул. Гагарина, д. 15; тел. 8 (86543) 3-33-03, e-mail: ds3@levokumsky.demo",
      "ИНН 2699016891, ОГРН 1032699768463",
    ]);
    expect(requisiteLines({ ...kindergarten, address: "ул. Гагарина, д. 15", phone: null, email: null, ogrn: null })).toEqual(["с. Левокумское, ул. Гагарина, д. 15", "ИНН 2699016891"]);
    expect(requisiteLines({ place: null, address: null, phone: null, email: null, website: null, inn: null, ogrn: null })).toEqual([]);
    expect(documentAuthor(kindergarten)).toMatchObject({ organizationName: kindergarten.name, place: "с. Левокумское" });
  });
});
