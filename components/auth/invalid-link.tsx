import Link from "next/link";
import { Notice } from "@/components/ui/notice";

/** The page of a one-time link that cannot be used (invitation, password reset): why, and where to go. */
export function InvalidLink({ title, reason, href, linkText }: { title: string; reason: string; href: string; linkText: string }) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Notice kind="error">{reason}</Notice>
      <Link href={href} className="text-brand-700 underline">
        {linkText}
      </Link>
    </div>
  );
}
