"use server";

import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { failure, validationFailure } from "../actions/action";
import type { ActionResult } from "../actions/result";
import { LOCALE_COOKIE, toLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { safePath } from "../http/safe-path";
import { acceptInvitation, acceptInvitationSignedIn, changePassword, saveLocale, signOutEverywhere } from "../members/actions";
import { signIn, signOut } from "./auth";
import { OIDC_PROVIDER_ID, oidcErrorPath } from "./config";
import { requestPasswordReset, resetPassword } from "./password-reset-actions";
import { LoginInput } from "./schemas";
import { getSessionIds, getSessionUser } from "./session";
import { revokeSession } from "./sessions";
import { getLogger } from "../observability/logger";

// Session-level actions: they compose the registered actions with next-auth's signIn/signOut,
// which must run inside a Next request.

export type FormState = (ActionResult<unknown> & { email?: string }) | null;

function safeCallback(value: FormDataEntryValue | null): string {
  // Only a path of this app: not `//host`, `/\host`, `/%5Chost`, tabs inside, nor an absolute URL.
  return safePath(typeof value === "string" ? value : null);
}

async function currentLocale() {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await currentLocale();
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = LoginInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  // The typed email comes back so the form can keep it (React resets the form after an action).
  if (!parsed.success) return { ...validationFailure(locale, parsed.error), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const t = translator(locale);
      const message = error.code === "rate_limited" ? t("login.rateLimited") : t("login.invalid");
      return { ok: false, error: { code: error.code === "rate_limited" ? "FORBIDDEN" : "VALIDATION", message }, email };
    }
    if (error instanceof AuthError) return { ...failure(locale, "INTERNAL", "internal"), email };
    throw error; // the redirect after a successful sign-in
  }
  return null;
}

/**
 * «Войти через …» (single sign-on, docs/decisions/021): Auth.js reads the provider's discovery document
 * and sends the browser to its authorization page; the person comes back through
 * /api/auth/callback/oidc. A provider that does not answer brings the login page with a message.
 */
export async function loginWithOidc(formData: FormData): Promise<void> {
  const redirectTo = safeCallback(formData.get("callbackUrl"));
  try {
    await signIn(OIDC_PROVIDER_ID, { redirectTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the redirect to the provider
    getLogger().error({ component: "auth", provider: "oidc", error: `${error.name}: ${error.message}` }, "single sign-on failed");
    redirect(oidcErrorPath("failed"));
  }
}

/** «Выйти»: the session ends on the server (every copy of the cookie stops working), then the cookie goes. */
export async function logout(formData?: FormData): Promise<void> {
  const ids = await getSessionIds();
  if (ids) await revokeSession(ids.userId, ids.sessionId);
  const returnTo = formData?.get("returnTo");
  const next = typeof returnTo === "string" && returnTo ? safeCallback(returnTo) : "/";
  await signOut({ redirectTo: next === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(next)}` });
}

/** «Выйти на всех устройствах»: every session of the account ends, this one included. */
export async function logoutEverywhere(): Promise<void> {
  await signOutEverywhere({});
  await signOut({ redirectTo: "/login?reason=everywhere" });
}

export async function acceptInvitationAndSignIn(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await acceptInvitation(formData);
  if (!result.ok) return result;
  await signIn("credentials", {
    email: result.data.email,
    password: String(formData.get("password")),
    redirectTo: `/${result.data.organizationSlug}`,
  });
  return result;
}

/** An invitation to the signed-in user's own address: accepted without a password, then to the organization. */
export async function acceptInvitationAsSignedIn(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await acceptInvitationSignedIn({ token: String(formData.get("token") ?? "") });
  if (!result.ok) return result;
  redirect(`/${result.data.organizationSlug}`);
}

/** «Забыли пароль?»: the same answer whether or not the address has an account. */
export async function requestPasswordResetForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await requestPasswordReset(formData);
  return result.ok ? result : { ...result, email: String(formData.get("email") ?? "").slice(0, 254) };
}

/** The new password from a reset link; then the sign-in form, which says the password has changed. */
export async function resetPasswordForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await resetPassword(formData);
  if (!result.ok) return result;
  redirect("/login?reason=reset");
}

export async function changePasswordAndRenewSession(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await changePassword(formData);
  if (!result.ok) return result;
  // The change signed out every older session, this one included: issue a fresh one and come back.
  await signIn("credentials", { email: result.data.email, password: String(formData.get("newPassword")), redirectTo: "/account?changed=1" });
  return result;
}

export async function switchLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale")));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  if (await getSessionUser()) await saveLocale({ locale });
  redirect(safeCallback(formData.get("returnTo")));
}
