import { logout } from "@/lib/auth/actions";

/** «Выйти»; with returnTo, the sign-in page that follows brings the person back there. */
export function SignOutButton({ label, returnTo }: { label: string; returnTo?: string }) {
  return (
    <form action={logout}>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <button type="submit" className="text-sm text-brand-700 underline hover:text-brand-900">
        {label}
      </button>
    </form>
  );
}
