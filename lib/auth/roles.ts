// Roles of docs/domain.md «Roles». Kept as plain data (no Prisma import) so client components can use them;
// a type check in permissions.test.ts keeps them equal to the database enum.
export const ROLES = ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE", "METHODIST", "MUNICIPAL_HEAD"] as const;
export type AppRole = (typeof ROLES)[number];

export const SCHOOL_ROLES = ["DIRECTOR", "CURATOR", "PSYCHOLOGIST", "MENTOR", "MENTEE"] as const satisfies readonly AppRole[];
export const MUNICIPAL_ROLES = ["METHODIST", "MUNICIPAL_HEAD"] as const satisfies readonly AppRole[];
