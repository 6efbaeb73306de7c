import "server-only";
import type { TenantContext } from "../auth/tenant";
import { readTenant } from "../auth/tenant";
import { formatDocumentDate } from "../documents/docx-kit";
import type { OrderDocument } from "../documents/types";
import { pairConsentCitation } from "../domain/mentor-documents";
import { fullName } from "../domain/names";
import { CONSENT_SELECT } from "../people/select";
import { documentAuthor, headSignatory } from "../domain/organization-profile";
import { basisPreamble, effectiveAudience, type Audience } from "../domain/organization-words";
import { MENTORING_FORMS, MENTORING_TYPES, type MentoringForm } from "../domain/pairs";
import { loadRequisites } from "../organization/requisites";
import { russian, russianIn } from "../i18n/russian";
import { crossPairMentorDuties, crossPairParties } from "../cross-pairs/access";

const PERSON = { select: { lastName: true, firstName: true, middleName: true, position: true, grade: true, birthDate: true, minor: true, consents: { select: CONSENT_SELECT } } } as const;

/** The order as a document, or what it cannot cite: a participant's consent or a mentor's consent to the additional duties. */
export type PairOrderDocumentResult = { ok: true; document: OrderDocument } | { ok: false; missing: string[] };

/**
 * The order «О закреплении наставнических пар / групп» as a document: the pairs in an appendix table with the
 * recorded consents it rests on (each participant's consent for the purpose «участие в паре / группе» valid
 * on the order's date, each mentor's written consent to the additional duties); head and signature from the
 * profile. Refused, with the list, when one of those consents is not recorded.
 */
export async function pairOrderDocument(ctx: TenantContext, orderId: string): Promise<PairOrderDocumentResult | null> {
  const [requisites, order, parties, duties] = await readTenant(ctx, (tx) => Promise.all([
    loadRequisites(tx, ctx.organization.id),
    tx.pairOrder.findFirst({
      where: { id: orderId, organizationId: ctx.organization.id },
      select: {
        number: true, date: true,
        createdBy: { select: { name: true } },
        program: { select: { title: true, academicYear: true, endDate: true, curator: { select: { name: true } } } },
        pairs: {
          select: {
            form: true, type: true, direction: true, startsOn: true,
            mentor: { select: { dutiesConsentAt: true, person: PERSON } },
            mentees: { select: { mentee: { select: { person: PERSON } } } },
            personalProgram: { select: { startsOn: true, endsOn: true } },
          },
          orderBy: { createdAt: "asc" },
        },
        // A pair with a mentor of another organization approved by this order (decision 058).
        crossPairs: { select: { id: true, direction: true, consentedAt: true, mentee: { select: { person: PERSON } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    crossPairParties(tx, ctx.organization.id),
    crossPairMentorDuties(tx, ctx.organization.id),
  ]));
  if (!order) return null;
  const t = russianIn("pairsOrder");
  const period = (from: Date, to: Date) => t("period", { from: formatDocumentDate(from), to: formatDocumentDate(to) });
  const programEnd = order.program.endDate ?? new Date(Date.UTC(order.program.academicYear + 1, 4, 31));
  const who = (p: { lastName: string; firstName: string; middleName: string | null; position: string | null; grade: string | null }) =>
    [fullName(p), p.position ?? (p.grade ? t("grade", { grade: p.grade }) : null)].filter(Boolean).join(", ");
  const curator = order.program.curator?.name;
  const deadline = new Date(order.date.getTime() + 30 * 24 * 3600 * 1000);
  const people = new Set<string>();
  for (const p of order.pairs) {
    people.add(fullName(p.mentor.person));
    for (const m of p.mentees) people.add(fullName(m.mentee.person));
  }
  for (const c of order.crossPairs) {
    const party = parties.get(c.id);
    if (party) people.add(party.mentor.name);
    people.add(fullName(c.mentee.person));
  }
  if (curator) people.add(curator);
  // The consents the order rests on, per pair: the mentor's (with the additional duties), then each mentee's.
  const missing: string[] = [];
  const citations = order.pairs.map((p) => {
    const cited = [
      { cite: (text: string) => t("mentorCitation", { text }), c: pairConsentCitation(p.mentor.person, order.date, p.mentor.dutiesConsentAt) },
      ...p.mentees.map((m) => ({ cite: (text: string) => `${fullName(m.mentee.person)}: ${text}`, c: pairConsentCitation(m.mentee.person, order.date) })),
    ];
    return cited
      .map(({ cite, c }) => {
        if (!c.ok) missing.push(...c.missing);
        return c.ok ? cite(c.text) : "";
      })
      .join(";\n");
  });
  // A cross-school pair rests on the mentee's consent, the consent of the head of the mentor's organization and the
  // mentor's written consent to the additional duties recorded there (decision 062: only its date crosses the wall).
  const crossRows = order.crossPairs.map((c) => {
    const party = parties.get(c.id);
    const mentee = pairConsentCitation(c.mentee.person, order.date);
    if (!mentee.ok) missing.push(...mentee.missing);
    const dutiesAt = duties.get(c.id) ?? null;
    if (!dutiesAt || dutiesAt.getTime() > order.date.getTime())
      missing.push(russian("mentorDocuments.missingDutiesConsent", { name: party?.mentor.name ?? t("otherOrganizationMentor") }));
    const head = t("crossMentorConsents", {
      hasSchool: party ? "yes" : "no",
      school: party?.mentorSchool ?? "",
      hasConsent: c.consentedAt ? "yes" : "no",
      consentedOn: c.consentedAt ? formatDocumentDate(c.consentedAt) : "",
      hasDuties: dutiesAt ? "yes" : "no",
      dutiesOn: dutiesAt ? formatDocumentDate(dutiesAt) : "",
    });
    return [
      party ? [party.mentor.name, party.mentor.position, party.mentorSchool].filter(Boolean).join(", ") : "",
      who(c.mentee.person),
      t("crossForm", { hasDirection: c.direction ? "yes" : "no", direction: c.direction ?? "" }),
      period(order.date, programEnd),
      mentee.ok ? `${head};\n${fullName(c.mentee.person)}: ${mentee.text}` : head,
    ];
  });
  if (missing.length > 0) return { ok: false, missing: [...new Set(missing)] };
  const audience = effectiveAudience(requisites.schoolKind, pairsAudience(order.pairs.map((p) => p.form)));
  const document: OrderDocument = {
    ...documentAuthor(requisites),
    number: order.number,
    date: order.date,
    title: t("title"),
    preamble: basisPreamble(
      audience,
      t("basis", { program: order.program.title }),
    ),
    items: [
      t("itemSecure"),
      t("itemPrograms", { deadline: formatDocumentDate(deadline) }),
      t("itemCurator", { hasCurator: curator ? "yes" : "no", curator: curator ?? "" }),
      russian("orderDocx.controlItem"),
    ],
    // The head named in the profile signs; without one, the head who formed the order (as before profiles).
    signatory: headSignatory(requisites, order.createdBy.name),
    executor: curator ? { name: curator } : null,
    acquainted: [...people],
    appendix: {
      title: t("appendixTitle"),
      header: [t("number"), t("mentor"), t("mentees"), t("formAndType"), t("term"), t("consents")],
      weights: [7, 24, 26, 22, 17, 28],
      rows: order.pairs.map((p, i) => [
        String(i + 1),
        who(p.mentor.person),
        p.mentees.map((m) => who(m.mentee.person)).join(";\n"),
        `${MENTORING_FORMS[p.form]}; ${MENTORING_TYPES[p.type].toLowerCase()}${p.direction ? `; ${p.direction}` : ""}`,
        period(p.personalProgram?.startsOn ?? p.startsOn ?? order.date, p.personalProgram?.endsOn ?? programEnd),
        citations[i]!,
      ]).concat(crossRows.map((r, i) => [String(order.pairs.length + i + 1), ...r])),
    },
  };
  return { ok: true, document };
}

const TEACHER_FORMS: MentoringForm[] = ["TEACHER_TEACHER", "HEAD_TEACHER", "UNIVERSITY_TEACHER"];

/** Whose mentoring the order's pairs are — teachers', students' or both — so it cites the basis that fits them. */
function pairsAudience(forms: MentoringForm[]): Audience {
  const teachers = forms.some((f) => TEACHER_FORMS.includes(f));
  const students = forms.some((f) => !TEACHER_FORMS.includes(f));
  return teachers && students ? "BOTH" : students ? "STUDENTS" : "TEACHERS";
}
