import { now } from "../clock";
import { withDb, type Tx } from "../db";
import { getLogger } from "../observability/logger";
import { verifyPassword } from "./password";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

export type CredentialsCheck =
  | { ok: true; user: { id: string; email: string; name: string; locale: "ru" | "en" } }
  | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * The one password check of the application, with the sign-in limit (decision 012): after
 * LOGIN_MAX_FAILURES failures within LOGIN_WINDOW_MS, per account or per client address, every attempt
 * is refused with the same answer whether or not the email exists. Attempts live in the database, so the
 * limit holds across instances. Every path that checks a password comes here — the login form, and
 * actions that ask for the current password (`reauthenticate` in lib/actions/action.ts); nothing else
 * may import verifyPassword (tests/integration/password-paths.test.ts checks the sources).
 */
export async function checkCredentials(input: { email: string; password: string; ip: string }): Promise<CredentialsCheck> {
  const email = input.email.trim().toLowerCase();
  // Attempts are stamped with the same clock (createdAt: now() below), so the window holds when tests move it.
  const since = new Date(now().getTime() - LOGIN_WINDOW_MS);

  const { limited, user } = await withDb({}, async (tx) => {
    const [accountLocked, byIp] = await Promise.all([
      isAccountLocked(tx, email),
      tx.loginAttempt.count({ where: { ip: input.ip, success: false, createdAt: { gte: since } } }),
    ]);
    const limited = accountLocked || byIp >= LOGIN_MAX_FAILURES;
    const user = limited
      ? null
      : await tx.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, locale: true },
        });
    return { limited, user };
  });
  // One log line per attempt with its outcome and, on success, the user's id — never the address typed,
  // nor the password (tests/integration/observability.test.ts).
  const log = getLogger();
  if (limited) {
    log.info({ component: "auth", event: "sign-in", outcome: "rate_limited" }, "sign-in refused");
    return { ok: false, reason: "rate_limited" };
  }

  const valid = await verifyPassword(user?.passwordHash, input.password);
  await withDb({}, (tx) => tx.loginAttempt.create({ data: { email, ip: input.ip, success: valid, createdAt: now() } }));
  if (!valid || !user) {
    log.info({ component: "auth", event: "sign-in", outcome: "invalid" }, "sign-in refused");
    return { ok: false, reason: "invalid" };
  }
  log.info({ component: "auth", event: "sign-in", outcome: "ok", userId: user.id }, "signed in");
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}

/**
 * The account's side of the limit: LOGIN_MAX_FAILURES failed passwords within the window since its last
 * successful sign-in. Single sign-on (lib/auth/oidc.ts) refuses a locked account too.
 */
export async function isAccountLocked(tx: Tx, email: string): Promise<boolean> {
  const since = new Date(now().getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await tx.loginAttempt.count({ where: { email, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } } });
  return failures >= LOGIN_MAX_FAILURES;
}
