// Which column of a people list holds which field: header names and their aliases as curators write them.

import { IMPORT_FIELDS, type ImportField, type ImportMapping } from "./import-schema";

const normalizeHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]/g, "");

const ALIASES: Record<ImportField, string[]> = {
  lastName: ["фамилия", "lastname", "surname", "familyname"],
  firstName: ["имя", "firstname", "givenname", "name"],
  middleName: ["отчество", "middlename", "patronymic", "отчествоприналичии"],
  fullName: [
    "фио", "фамилияимяотчество", "фамилияимя", "фиополностью", "полноеимя", "fullname", "фиопедагога", "фиосотрудника",
    "фиоучастника", "фиообучающегося", "фиоучащегося", "фиоученика", "фионаставника", "фионаставляемого", "фиоработника",
  ],
  kind: ["тип", "типучастника", "категорияучастника", "участник", "кто", "kind", "type", "participant", "participanttype", "роль"],
  birthDate: ["датарождения", "датарожд", "др", "родился", "родилась", "birthdate", "dateofbirth", "dob", "birthday"],
  position: ["должность", "занимаемаядолжность", "position", "jobtitle", "post"],
  subjects: ["предмет", "предметы", "преподаваемыйпредмет", "преподаваемыепредметы", "учебныйпредмет", "учебныепредметы", "subject", "subjects"],
  experienceYears: [
    "стаж", "стажлет", "педстаж", "педагогическийстаж", "стажработы", "стажпедагогическойработы", "общийстаж", "experience", "experienceyears",
  ],
  hiredOn: [
    "датаприема", "датаприеманаработу", "датапоступлениянаработу", "принятнаработу", "принят", "принята",
    "датаназначениянадолжность", "работаетс", "вдолжностис", "вучреждениис", "hiredate", "hiredon", "hired", "employmentdate", "startdate",
  ],
  qualificationCategory: ["квалификационнаякатегория", "категория", "квалификация", "qualification", "qualificationcategory", "category"],
  grade: ["класс", "классгруппа", "классбуква", "группа", "grade", "class", "form"],
  externalOrganization: ["организация", "местоработы", "местоработыорганизация", "организацияпартнер", "organization", "organisation", "company", "employer"],
  email: ["email", "эпочта", "элпочта", "электроннаяпочта", "почта", "адресэлектроннойпочты", "mail"],
  phone: ["телефон", "тел", "мобильныйтелефон", "контактныйтелефон", "номертелефона", "phone", "mobile", "tel"],
};

const EXACT = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of ALIASES[field]) EXACT.set(alias, field);
const PREFIXES = IMPORT_FIELDS.flatMap((field) => ALIASES[field].filter((a) => a.length >= 6).map((alias) => [alias, field] as const));

function recognize(header: string): ImportField | null {
  const whole = normalizeHeader(header);
  const bare = normalizeHeader(header.replace(/\([^)]*\)/g, " "));
  for (const key of [whole, bare]) {
    const field = EXACT.get(key);
    if (field) return field;
  }
  // «Дата рождения (дд.мм.гггг)», «Фамилия сотрудника»: a known name followed by words.
  if (bare.length >= 6) for (const [alias, field] of PREFIXES) if (bare.startsWith(alias)) return field;
  return null;
}

/** A field for each header it recognizes (case, spaces, ё and punctuation do not matter); each field once. */
export function suggestMapping(headers: string[]): ImportMapping {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const field = recognize(header);
    if (!field || used.has(field)) return "";
    used.add(field);
    return field;
  });
}
