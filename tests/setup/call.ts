import { definitionOf, runAction, type Actor } from "../../lib/actions/action";
import type { ActionResult } from "../../lib/actions/result";
import type { AppRole } from "../../lib/auth/roles";
import type { TenantContext } from "../../lib/auth/tenant";

// Tests call the real exported actions through the whole wrapper (session, tenant, permission, validation,
// audit) as a chosen user, typed by the action itself: `await call(addMentee, as(curator), { org, … })`.

type ActionFunction<I, T> = (input: I | FormData) => Promise<ActionResult<T>>;

// A field its schema reads through z.preprocess (a checkbox list, a tag list) has `unknown` as its input type,
// which TypeScript makes a required key; a form may leave it out, so a call may too. A schema that preprocesses
// the whole object (a questionnaire's answers) leaves only the idempotency key: any object is its input.
type LooseKeys<I> = { [K in keyof I]-?: unknown extends I[K] ? K : never }[keyof I];
type Callable<I> = keyof I extends "idempotencyKey" ? Record<string, unknown> : Omit<I, LooseKeys<I>> & Partial<Pick<I, LooseKeys<I>>>;

/** The input a call of the action takes (its schema's input type), for typing a factory's or a test's defaults. */
export type InputOf<A> = A extends ActionFunction<infer I, unknown> ? Callable<Exclude<I, FormData>> : never;

/** The actor of a call: a user (by id) of the test's world. */
export const as = (user: { id: string }): Actor => user.id;

/** Runs the action as the actor; the result is the wrapper's value or refusal. A form post is FormData. */
export function call<I, T>(action: ActionFunction<I, T>, actor: Actor | null, input: NoInfer<Callable<I>> | FormData): Promise<ActionResult<T>> {
  return runAction<T>(definitionOf(action), actor, input);
}

/** Runs the action and returns its data; a refusal fails the test with its message (for arranging state). */
export async function callOk<I, T>(action: ActionFunction<I, T>, actor: Actor | null, input: NoInfer<Callable<I>> | FormData): Promise<T> {
  const res = await call(action, actor, input);
  if (!res.ok) throw new Error(`${definitionOf(action).name} refused: ${res.error.code} ${res.error.message}${res.error.details ? ` — ${res.error.details.join("; ")}` : ""}`);
  return res.data;
}

type OrganizationRow = { id: string; slug: string; name: string; shortName: string | null; kind: TenantContext["organization"]["kind"]; schoolKind?: TenantContext["organization"]["schoolKind"]; address?: string | null; parentId: string | null; timeZone: string };

/** The request context a page would have, for calling query functions directly as that user in that role. */
export function tenantContext(org: OrganizationRow, user: { id: string; name?: string; email?: string }, roles: AppRole[]): TenantContext {
  return {
    user: { id: user.id, name: user.name ?? "Тест", email: user.email ?? `${user.id}@example.test`, locale: "ru" },
    organization: { id: org.id, slug: org.slug, name: org.name, shortName: org.shortName, kind: org.kind, schoolKind: org.schoolKind ?? null, address: org.address ?? null, parentId: org.parentId, timeZone: org.timeZone },
    roles,
  };
}
