// Inputs of the generated documents (ГОСТ Р 7.0.97-2025 requisites; see docs/decisions when added).

export type Signatory = {
  /** «Директор», «Заместитель директора по УВР». */
  position: string;
  /** «Е.П. Смирнова» — initials before the surname, as the standard prints it under a signature. */
  initialsAndSurname: string;
};

export type ApprovalStamp = {
  /** The «УТВЕРЖДАЮ» block: position, signature line, initials and surname, date (or «___» when not yet approved). */
  approver: Signatory;
  /** Approval date, null when the document is not approved yet (the block then shows blanks to fill by hand). */
  date: Date | null;
  /** When approved by an order: «приказом от 25.08.2025 № 73». */
  orderNumber?: string | null;
  orderDate?: Date | null;
};

export type RoadmapDocumentActivity = {
  /** «1.1», «2.3» … */
  number: string;
  title: string;
  content?: string | null;
  due: string;
  responsible: string;
  result?: string | null;
  /** «запланировано», «выполнено» …; omitted from the table when the roadmap is printed for approval. */
  status?: string | null;
};

export type RoadmapDocument = {
  /** Full name of the organization, as in its charter. */
  organizationName: string;
  /** Reference data under the name (address, phone, e-mail; ИНН, ОГРН), from the organization's profile. */
  requisites?: string[] | null;
  /** Place of compilation: «с. Левокумское», «п. Усолье-7». */
  place?: string | null;
  /** «Дорожная карта (план мероприятий) реализации целевой модели наставничества в … на 2025/2026 учебный год». */
  title: string;
  academicYear: string; // "2025/2026"
  approval: ApprovalStamp;
  stages: { number: number; title: string; activities: RoadmapDocumentActivity[] }[];
  /** Signature at the end (usually the curator who compiled it). */
  signatory?: Signatory | null;
  /** Executor mark: name and phone/e-mail of who prepared the document. */
  executor?: { name: string; contact?: string | null } | null;
};

export type OrderDocument = {
  organizationName: string;
  /** Reference data under the name (address, phone, e-mail; ИНН, ОГРН), from the organization's profile. */
  requisites?: string[] | null;
  place?: string | null;
  /** Registration number, e.g. «73-од»; null → blank to be filled by hand. */
  number: string | null;
  date: Date | null;
  /** Title to the text, required by the standard: «Об утверждении дорожной карты реализации целевой модели наставничества». */
  title: string;
  /** «В соответствии с …» — the legal basis, ends before «ПРИКАЗЫВАЮ:». */
  preamble: string;
  /** Numbered items of the order. */
  items: string[];
  signatory: Signatory;
  /** Attachment mark: «Приложение: дорожная карта на 3 л. в 1 экз.» */
  attachment?: string | null;
  executor?: { name: string; contact?: string | null } | null;
  /** «С приказом ознакомлены:» — names for the acquaintance list. */
  acquainted: string[];
  /** A table attached to the order on a page of its own («Приложение к приказу …»), e.g. the pairs. */
  appendix?: { title: string; header: string[]; weights: number[]; rows: string[][] } | null;
};

/** One step of a local act's agreement chain: «СОГЛАСОВАНО советом родителей (протокол от 28.08.2026 № 1)». */
export type AgreementStep = {
  /** «педагогическим советом», «на педагогическом совете». */
  body: string;
  /** Protocol number; null → blank to fill by hand. */
  protocol: string | null;
  date: Date | null;
};

/** The agreement chain on a local act (issue #15 item 4): СОГЛАСОВАНО → ПРИНЯТО → УТВЕРЖДЕНО. */
export type AgreementChain = {
  agreed?: AgreementStep | null;
  adopted?: AgreementStep | null;
  /** «УТВЕРЖДЕНО приказом заведующего МБДОУ … от … № …». */
  approved: { by: string; number: string | null; date: Date | null };
};

/** A local act whose text is paragraphs (the Положение о наставничестве). */
export type RegulationDocument = {
  organizationName: string;
  requisites?: string[] | null;
  place?: string | null;
  chain: AgreementChain;
  /** «ПОЛОЖЕНИЕ». */
  kind: string;
  /** «о системе наставничества педагогических работников в МБДОУ «Детский сад № 3 «Родничок»». */
  title: string;
  /** The text, one paragraph a line; section headings («1. Общие положения») set bold and centred. */
  paragraphs: { text: string; heading: boolean }[];
  executor?: { name: string; contact?: string | null } | null;
};
