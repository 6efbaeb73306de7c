// The printable consent of one person for one purpose (152-ФЗ art. 9; for dissemination art. 10.1 and the
// requirements of Roskomnadzor's order № 18 of 24.02.2021), pre-filled from what the school records: the
// operator's requisites, the person, the legal representative of a minor, the date and term. Since
// 01.09.2025 (156-ФЗ) a consent is a document of its own: one purpose, one paper. Pure: the loader reads
// the rows, lib/documents/consent-docx.ts prints the result. Russian by nature (a document's text).
import { isMinorOn, PUBLIC_FIELDS, type ConsentPurpose, type PublicField } from "./consent";
import { fullName, initialsAndSurname } from "./names";
import { requisiteLines, type OrganizationRequisites } from "./organization-profile";
import { formatCalendarDate } from "../format";

/** How the consent to dissemination names each piece of data it may allow to publish. */
const PUBLIC_FIELD_TITLES: Record<PublicField, string> = {
  NAME: "фамилия, имя, отчество",
  POSITION: "должность",
  SUBJECTS: "преподаваемые предметы",
  COMPETENCIES: "компетенции наставника",
};

export type ConsentDocumentInput = {
  organization: OrganizationRequisites;
  /** Where the public section is read («https://…/s/ds-rodnichok»), for the dissemination consent. */
  publicSectionUrl?: string | null;
  person: {
    kind: "TEACHER" | "STUDENT" | "EXTERNAL";
    lastName: string; firstName: string; middleName: string | null;
    birthDate: Date | null; minor: boolean;
    position: string | null; grade: string | null;
    email: string | null; phone: string | null;
  };
  consent: {
    purpose: ConsentPurpose;
    givenBy: "SUBJECT" | "REPRESENTATIVE";
    representativeName: string | null;
    representativeDocument: string | null;
    givenAt: Date;
    validUntil: Date | null;
    publicFields: PublicField[];
    publicConditions: string | null;
  };
};

export type ConsentDocument = {
  organizationName: string;
  requisites: string[];
  /** «СОГЛАСИЕ» and the lines under it. */
  title: string[];
  paragraphs: string[];
  /** The dissemination consent's table: category, data, allowed, conditions. */
  table: { header: string[]; rows: string[][] } | null;
  closing: string[];
  /** Date (blank to fill by hand when null), signature line, «И.О. Фамилия» of who signs. */
  signature: { date: Date | null; signer: string };
  /** For the file name and the document's properties. */
  fileTitle: string;
};

export type ConsentDocumentResult = { ok: true; document: ConsentDocument } | { ok: false; missing: string[] };

const BLANK = "________________";
const LONG_BLANK = "__________________________________________";

/** The purpose as the consent states it. */
export const PURPOSE_STATEMENTS: Record<ConsentPurpose, string> = {
  BANK: "включение в банк (базу) наставников / наставляемых образовательной организации и подбор участников программы наставничества",
  PAIRS: "участие в наставнической паре / группе: закрепление пары (группы) приказом руководителя, составление и выполнение персонализированной программы наставничества, учёт встреч и результатов",
  SURVEYS: "участие в анкетировании и мониторинге реализации программы наставничества, оценка её результатов",
  PUBLICATION: "размещение сведений о наставниках в разделе «Наставничество» официального сайта образовательной организации (информационная поддержка программы наставничества)",
  DISTRICT_COMMUNITIES: "участие в профессиональных сообществах муниципального органа управления образованием (совет наставников, школа молодого учителя / воспитателя, методические объединения): передача сведений этому органу для учёта состава сообществ, их заседаний и посещаемости",
};

/** The data processed for the purpose. */
export const PURPOSE_DATA: Record<Exclude<ConsentPurpose, "PUBLICATION">, string> = {
  BANK: "фамилия, имя, отчество; дата рождения; место работы (учёбы), должность (класс, группа); преподаваемые предметы, стаж и квалификационная категория (для педагогических работников); контактные телефон и адрес электронной почты; профессиональные запросы, затруднения, интересы и компетенции, указанные в анкетах",
  PAIRS: "фамилия, имя, отчество; должность (класс, группа); сведения о наставнической паре (группе), персонализированной программе наставничества, встречах и результатах работы",
  SURVEYS: "фамилия, имя, отчество; должность (класс, группа); ответы на вопросы анкет; результаты мониторинга программы наставничества",
  DISTRICT_COMMUNITIES: "фамилия, имя, отчество; место работы, должность; роль в программе наставничества (куратор, наставник); участие в сообществах и посещение их заседаний",
};

const ACTIONS =
  "сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, обезличивание, блокирование, удаление, уничтожение; обработка смешанная — с использованием средств автоматизации (информационная система «Наставник») и без их использования";

/** What a consent for this organization cannot be printed without (the operator's name and address, art. 9 ч. 4 п. 2). */
export function consentRequisitesMissing(org: Pick<OrganizationRequisites, "name" | "address">): string[] {
  const missing: string[] = [];
  if (!org.name?.trim()) missing.push("полное наименование организации");
  if (!org.address?.trim()) missing.push("адрес организации");
  return missing;
}

function describePerson(p: ConsentDocumentInput["person"]): string {
  const parts = [fullName(p)];
  if (p.birthDate) parts.push(`дата рождения ${formatCalendarDate(p.birthDate)}`);
  const role = p.position?.trim() || (p.grade?.trim() ? `класс (группа) ${p.grade.trim()}` : null);
  if (role) parts.push(role);
  return parts.join(", ");
}

/**
 * The consent of one person for one purpose. Refused (`missing`) when the operator's requisites are not
 * in the profile, and for a minor whose consent names no legal representative.
 */
export function buildConsentDocument(input: ConsentDocumentInput): ConsentDocumentResult {
  const { organization: org, person, consent } = input;
  const missing = consentRequisitesMissing(org);
  const minor = isMinorOn({ birthDate: person.birthDate, flaggedMinor: person.minor }, consent.givenAt);
  const representative = consent.givenBy === "REPRESENTATIVE" ? consent.representativeName?.trim() || null : null;
  if (minor && !representative) missing.push("законный представитель несовершеннолетнего (согласие за несовершеннолетнего даёт законный представитель)");
  if (missing.length > 0) return { ok: false, missing };

  const codes = [org.inn ? `ИНН ${org.inn}` : null, org.ogrn ? `ОГРН ${org.ogrn}` : null].filter(Boolean).join(", ");
  const operator = `${org.name}${codes ? ` (${codes})` : ""}, адрес: ${org.address!.trim()}`;
  const subject = describePerson(person);
  const signerName = representative ? representative.split(",")[0]!.trim() : fullName(person);
  const whose = representative ? "персональных данных моего ребёнка (подопечного)" : "моих персональных данных";
  const iAm = representative
    ? `Я, ${representative}, документ, удостоверяющий личность: ${LONG_BLANK}, проживающий(ая) по адресу: ${LONG_BLANK}, являясь законным представителем несовершеннолетнего (несовершеннолетней) ${subject} на основании ${consent.representativeDocument?.trim() || `${BLANK} (документ, подтверждающий полномочия)`},`
    : `Я, ${subject}, документ, удостоверяющий личность: ${LONG_BLANK}, зарегистрированный(ая) по адресу: ${LONG_BLANK},`;
  const term = consent.validUntil ? `по ${formatCalendarDate(consent.validUntil)}` : "до окончания участия в программе наставничества, но не более пяти лет";
  const representativeTitle = representative ? ["законного представителя несовершеннолетнего"] : [];

  if (consent.purpose === "PUBLICATION") {
    const allowed = new Set(consent.publicFields);
    const resources = [org.website?.trim() || null, input.publicSectionUrl?.trim() || null].filter(Boolean).join("; ") || LONG_BLANK;
    const contacts = [person.phone?.trim() ? `тел. ${person.phone.trim()}` : null, person.email?.trim() ? `e-mail: ${person.email.trim()}` : null].filter(Boolean).join(", ") || LONG_BLANK;
    return {
      ok: true,
      document: {
        organizationName: org.name,
        requisites: requisiteLines(org),
        title: ["СОГЛАСИЕ", ...representativeTitle, "на обработку персональных данных, разрешённых субъектом персональных данных для распространения"],
        paragraphs: [
          `${iAm} контактные данные: ${contacts}, руководствуясь статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных», заявляю о согласии на распространение ${whose} оператором — ${operator}.`,
          `Цель распространения: ${PURPOSE_STATEMENTS.PUBLICATION}.`,
          `Информационные ресурсы оператора, посредством которых осуществляется предоставление доступа неограниченному кругу лиц к персональным данным: ${resources}.`,
          "Категории и перечень персональных данных, на распространение которых даётся согласие (персональные данные, не отмеченные «да», к распространению не разрешены):",
        ],
        table: {
          header: ["Категория", "Персональные данные", "Разрешаю к распространению", "Условия и запреты"],
          rows: PUBLIC_FIELDS.map((f) => ["общие", PUBLIC_FIELD_TITLES[f], allowed.has(f) ? "да" : "нет", allowed.has(f) ? (consent.publicConditions?.trim() || "не устанавливаю") : "—"]),
        },
        closing: [
          `Условия, при которых полученные персональные данные могут передаваться оператором только по его внутренней сети либо с использованием информационно-телекоммуникационных сетей, или запрет на такую передачу: ${consent.publicConditions?.trim() || "не устанавливаю"}.`,
          `Согласие действует с ${formatCalendarDate(consent.givenAt)} ${term}. Я вправе в любое время потребовать прекратить распространение персональных данных, направив оператору требование по адресу: ${org.address!.trim()} (ч. 12 ст. 10.1 Федерального закона № 152-ФЗ); распространение прекращается в течение трёх рабочих дней с момента получения требования.`,
          "Согласие оформлено отдельно от иных согласий на обработку персональных данных.",
        ],
        signature: { date: consent.givenAt, signer: initialsAndSurname(signerName) },
        fileTitle: `Согласие на распространение — ${fullName(person)}`,
      },
    };
  }

  return {
    ok: true,
    document: {
      organizationName: org.name,
      requisites: requisiteLines(org),
      title: ["СОГЛАСИЕ", ...representativeTitle, "на обработку персональных данных", `(цель: ${PURPOSE_STATEMENTS[consent.purpose].split(":")[0]})`],
      paragraphs: [
        `${iAm} в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю согласие оператору — ${operator} — на обработку ${whose} на следующих условиях.`,
        `1. Цель обработки: ${PURPOSE_STATEMENTS[consent.purpose]}.`,
        `2. Перечень персональных данных: ${PURPOSE_DATA[consent.purpose]}.`,
        `3. Действия с персональными данными и способы обработки: ${ACTIONS}. Распространение персональных данных этим согласием не разрешается.`,
        `4. Срок действия: с ${formatCalendarDate(consent.givenAt)} ${term}. По достижении цели обработки или при отзыве согласия персональные данные уничтожаются в срок, не превышающий тридцати дней, если иное не предусмотрено законом.`,
        `5. Согласие может быть отозвано письменным заявлением, направленным оператору по адресу: ${org.address!.trim()} (ч. 2 ст. 9 Федерального закона № 152-ФЗ).`,
      ],
      table: null,
      closing: ["Согласие оформлено отдельным документом и дано для одной указанной цели."],
      signature: { date: consent.givenAt, signer: initialsAndSurname(signerName) },
      fileTitle: `Согласие на обработку персональных данных — ${fullName(person)}`,
    },
  };
}
