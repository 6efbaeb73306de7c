"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`block rounded-md px-3 py-2 text-sm ${current ? "bg-brand-700 font-semibold text-white" : "text-slate-800 hover:bg-slate-200"}`}
    >
      {children}
    </Link>
  );
}
