import type { OrganizationRequisites } from "../domain/organization-profile";

/** The demo kindergarten's profile (/ds-rodnichok), shared by the documents' tests. */
export const kindergarten: OrganizationRequisites = {
  kind: "SCHOOL",
  schoolKind: "KINDERGARTEN",
  name: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок»",
  shortName: "МБДОУ «Детский сад № 3 «Родничок»",
  place: "с. Левокумское",
  address: "357960, Ставропольский край, с. Левокумское, ул. Гагарина, д. 15",
  phone: "8 (86543) 3-33-03",
  email: "ds3@levokumsky.demo",
  website: null,
  inn: "2699016891",
  ogrn: "1032699768463",
  headPosition: null,
  headName: "Гончарова Светлана Викторовна",
};
