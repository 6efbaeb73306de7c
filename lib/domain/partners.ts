// Partner organizations (issue #17 item 3, docs/decisions/061): the ИНН checksum, the agreement's date, and
// the passport indicator «доля организаций-партнёров, предоставивших наставников». No I/O.

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: readonly number[], weights: readonly number[]) => (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;

/**
 * A Russian ИНН as typed (spaces allowed) → its digits, or the refusal's message key: 10 digits for an
 * organization, 12 for an individual entrepreneur, the control digits of the Federal Tax Service's rule.
 */
export function parseInn(raw: string): { ok: true; inn: string } | { ok: false; key: "innFormat" | "innChecksum" } {
  const inn = raw.replace(/\s/g, "");
  if (!/^(\d{10}|\d{12})$/.test(inn)) return { ok: false, key: "innFormat" };
  const d = [...inn].map(Number);
  const valid = inn.length === 10 ? checkDigit(d, WEIGHTS_10) === d[9] : checkDigit(d, WEIGHTS_11) === d[10] && checkDigit(d, WEIGHTS_12) === d[11];
  return valid ? { ok: true, inn } : { ok: false, key: "innChecksum" };
}

/** An agreement cannot be dated after today (both calendar days, UTC midnight). */
export const agreementDateRefusal = (date: Date | null, today: Date): "partnerAgreementFuture" | null =>
  date && date.getTime() > today.getTime() ? "partnerAgreementFuture" : null;

export type PartnerMentor = { partnerId: string | null; active: boolean; mentorStatus: string | null };

/** A mentor counts for a partner while the person is active and their mentor entry has not left. */
export const isActivePartnerMentor = (m: PartnerMentor) => m.partnerId !== null && m.active && m.mentorStatus !== null && m.mentorStatus !== "LEFT";

export type PartnerShare = { partners: number; providing: number; share: number | null };

/** Partners that provided at least one active mentor ÷ all partners of the organization, a percent (one decimal); null without partners. */
export function partnerMentorsShare(partnerIds: readonly string[], mentors: readonly PartnerMentor[]): PartnerShare {
  const own = new Set(partnerIds);
  const providing = new Set(mentors.filter((m) => isActivePartnerMentor(m) && own.has(m.partnerId!)).map((m) => m.partnerId!)).size;
  return shareOf(own.size, providing);
}

/** The share from counts (the district sums its schools' counts, then divides). */
export function shareOf(partners: number, providing: number): PartnerShare {
  return { partners, providing, share: partners === 0 ? null : Math.round((providing / partners) * 1000) / 10 };
}
