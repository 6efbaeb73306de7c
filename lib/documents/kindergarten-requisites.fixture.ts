import type { OrganizationRequisites } from "../domain/organization-profile";
import demo from "../i18n/russian/data/stage1-demo-kindergarten.json";

/** The demo kindergarten's profile (/ds-rodnichok), shared by the documents' tests; its Russian names are data. */
export const kindergarten: OrganizationRequisites = {
  kind: "SCHOOL",
  schoolKind: "KINDERGARTEN",
  name: demo.name,
  shortName: demo.shortName,
  place: demo.place,
  address: demo.address,
  phone: "8 (86543) 3-33-03",
  email: "ds3@levokumsky.demo",
  website: null,
  inn: "2699016891",
  ogrn: "1032699768463",
  headPosition: null,
  headName: demo.headName,
};
