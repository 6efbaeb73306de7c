// What the consent rules (lib/domain/consent.ts) read from a Consent row.
export const CONSENT_SELECT = { id: true, purposes: true, givenBy: true, representativeName: true, givenAt: true, validUntil: true, revokedAt: true, revocationReason: true, separateDocument: true, publicFields: true } as const;
