// What an API token may do (decision 045). Plain data: the token form in the browser lists them too.

export const API_SCOPES = ["figures.read", "programs.read", "people.import"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Message keys of the scopes (namespace apiTokens): no dots in keys. */
export const SCOPE_LABEL_KEYS: Record<ApiScope, string> = {
  "figures.read": "scopeFigures",
  "programs.read": "scopePrograms",
  "people.import": "scopeImport",
};

/** Requests a token may make per minute; the next one is answered 429 with Retry-After. */
export const API_RATE_PER_MINUTE = 60;
