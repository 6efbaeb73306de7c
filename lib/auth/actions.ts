"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { failure, validationFailure } from "../actions/action";
import type { ActionResult } from "../actions/result";
import { LOCALE_COOKIE, toLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { safePath } from "../http/safe-path";
import { acceptInvitation, changePassword, saveLocale } from "../members/actions";
import { signIn, signOut } from "./auth";
import { LoginInput } from "./schemas";
import { getSessionUser } from "./session";

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

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/login" });
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
