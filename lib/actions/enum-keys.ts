/** The keys of a vocabulary map as the non-empty tuple z.enum wants (MENTEE_CATEGORIES → z.enum(enumKeys(…))). */
export const enumKeys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
