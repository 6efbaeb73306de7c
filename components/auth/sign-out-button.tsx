import { logout } from "@/lib/auth/actions";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={logout}>
      <button type="submit" className="text-sm text-brand-700 underline hover:text-brand-900">
        {label}
      </button>
    </form>
  );
}
