import type { PrismaClient } from "../lib/db/generated/prisma/client";

// Requisites of the demo organizations (issue #13 item 3), which every generated document prints.
// ИНН and ОГРН are made up: their check digits are valid (lib/domain/requisites.ts), but tax office code
// 2699 and ОГРН inspection code 99 belong to no real inspection of Ставропольский край, so no real
// organization has them. Names of heads are the demo accounts' (the region's head has no account).

export type DemoRequisites = {
  place: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  inn: string;
  ogrn: string;
  /** null: the kind's default (a kindergarten → «Заведующий», lib/domain/requisites.ts). */
  headPosition: string | null;
  headName: string;
};

export const DEMO_REQUISITES: Record<string, DemoRequisites> = {
  "stavropolsky-krai": {
    place: "г. Ставрополь",
    address: "355003, Ставропольский край, г. Ставрополь, ул. Ломоносова, д. 3",
    phone: "8 (8652) 37-23-60",
    email: "info@stavminobr.demo",
    website: "stavminobr.demo",
    inn: "2699015880",
    ogrn: "1022699139980",
    headPosition: "Министр образования Ставропольского края",
    headName: "Андреев Павел Сергеевич",
  },
  levokumsky: {
    place: "с. Левокумское",
    address: "357960, Ставропольский край, Левокумский муниципальный округ, с. Левокумское, ул. Карла Маркса, д. 158",
    phone: "8 (86543) 3-15-71",
    email: "obrazovanie@levokumsky.demo",
    website: "levokumsky-obr.demo",
    inn: "2699069879",
    ogrn: "1022699973097",
    headPosition: "Начальник отдела образования",
    headName: "Кирпичёва Наталья Алексеевна",
  },
  "sosh-20": {
    place: "п. Усолье-7",
    address: "357971, Ставропольский край, Левокумский муниципальный округ, п. Усолье-7, ул. Школьная, д. 1",
    phone: "8 (86543) 5-41-20",
    email: "sosh20@levokumsky.demo",
    website: "sosh20.demo",
    inn: "2699011413",
    ogrn: "1022699707535",
    headPosition: null,
    headName: "Смирнова Елена Петровна",
  },
  "sosh-14": {
    place: "с. Левокумское",
    address: "357960, Ставропольский край, Левокумский муниципальный округ, с. Левокумское, ул. Дружбы, д. 7",
    phone: "8 (86543) 3-22-14",
    email: "sosh14@levokumsky.demo",
    website: "sosh14.demo",
    inn: "2699064550",
    ogrn: "1022699681510",
    headPosition: null,
    headName: "Косарева Ирина Евгеньевна",
  },
  "kovalevskaya-oosh": {
    place: "с. Ковалево",
    address: "357975, Ставропольский край, Левокумский муниципальный округ, с. Ковалево, ул. Центральная, д. 12",
    phone: "8 (86543) 5-62-31",
    email: "kovalevo-oosh@levokumsky.demo",
    website: "kovalevo-oosh.demo",
    inn: "2699088448",
    ogrn: "1022699729403",
    headPosition: null,
    headName: "Чеховская Ольга Михайловна",
  },
  "ds-solnyshko": {
    place: "с. Левокумское",
    address: "357960, Ставропольский край, Левокумский муниципальный округ, с. Левокумское, ул. Пушкина, д. 44",
    phone: "8 (86543) 3-10-01",
    email: "ds1@levokumsky.demo",
    website: "ds1-solnyshko.demo",
    inn: "2699055763",
    ogrn: "1022699169877",
    headPosition: null,
    headName: "Лебедева Марина Юрьевна",
  },
  "ds-rodnichok": {
    place: "с. Левокумское",
    address: "357960, Ставропольский край, Левокумский муниципальный округ, с. Левокумское, ул. Гагарина, д. 15",
    phone: "8 (86543) 3-33-03",
    email: "ds3@levokumsky.demo",
    website: "ds3-rodnichok.demo",
    inn: "2699016891",
    ogrn: "1032699768463",
    headPosition: null,
    headName: "Гончарова Светлана Викторовна",
  },
};

/** Writes the requisites onto the seeded organizations (by slug). */
export async function seedDemoRequisites(prisma: PrismaClient): Promise<void> {
  for (const [slug, requisites] of Object.entries(DEMO_REQUISITES)) await prisma.organization.update({ where: { slug }, data: requisites });
}
