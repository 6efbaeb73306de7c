import type { ReactNode } from "react";

/** A block of a public section with its heading, linked from the section's table of contents. */
export function PublicBlock({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={`${id}-title`} className="mb-4 text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
