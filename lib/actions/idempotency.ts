// Idempotency keys of creating actions (decision 015). A form sends one key per instance with every
// submission; an action defined with `idempotent: true` claims (user, action, key) in the body's own
// transaction before the body runs and stores the body's result there after it, so the effect and the
// key commit together or not at all. A resubmission with a committed key gets the stored first result
// and runs nothing; one racing an uncommitted claim waits on the unique index until the first commits
// (then replays it) or rolls back (then runs itself). Keys older than a day are pruned by their owner.
import { now } from "../clock";
import type { Tx } from "../db";
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_TTL_MS } from "./idempotency-key";
import { refuse, type Refusal } from "./result";

export type IdempotencyScope = { organizationId: string; userId: string; action: string; key: string };

/**
 * Takes the key field out of the input (every action: a form may send it whatever the action is), so
 * the action's own schema never sees it. `key` is null when none was sent, undefined when it is malformed.
 */
export function takeIdempotencyKey(input: unknown): { input: unknown; key: string | null | undefined } {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !(IDEMPOTENCY_FIELD in input)) return { input, key: null };
  const { [IDEMPOTENCY_FIELD]: raw, ...rest } = input as Record<string, unknown>;
  if (raw === undefined || raw === "") return { input: rest, key: null };
  return { input: rest, key: typeof raw === "string" && IDEMPOTENCY_KEY_PATTERN.test(raw) ? raw : undefined };
}

/**
 * Claims the key for this transaction. Returns `{ replay }` with the first result when the key was already
 * used (the body must not run), null when this transaction holds the claim (run the body, then
 * saveIdempotentResult), or a refusal when the key exists but is not visible here (the same user used it
 * in another organization: row-level security hides it).
 */
export async function claimIdempotencyKey(tx: Tx, scope: IdempotencyScope): Promise<{ replay: unknown } | Refusal | null> {
  await tx.idempotencyKey.deleteMany({ where: { userId: scope.userId, createdAt: { lt: new Date(now().getTime() - IDEMPOTENCY_TTL_MS) } } });
  // ON CONFLICT DO NOTHING: a concurrent claim of the same key makes this wait for that transaction's end.
  const claimed = await tx.idempotencyKey.createMany({
    data: [{ ...scope, result: { pending: true }, createdAt: now() }],
    skipDuplicates: true,
  });
  if (claimed.count === 1) return null;
  const first = await tx.idempotencyKey.findUnique({
    where: { userId_action_key: { userId: scope.userId, action: scope.action, key: scope.key } },
    select: { organizationId: true, result: true },
  });
  if (!first || first.organizationId !== scope.organizationId) return refuse("CONFLICT", "conflict");
  return { replay: (first.result as { value?: unknown }).value ?? null };
}

/** Stores the body's result under the claimed key (same transaction: both commit or neither). */
export async function saveIdempotentResult(tx: Tx, scope: IdempotencyScope, value: unknown): Promise<void> {
  await tx.idempotencyKey.update({
    where: { userId_action_key: { userId: scope.userId, action: scope.action, key: scope.key } },
    // JSON: the creating actions return ids, counts and strings (a Date would come back as its ISO text).
    data: { result: { value: value === undefined ? null : JSON.parse(JSON.stringify(value)) } },
  });
}
