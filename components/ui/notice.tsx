import type { ReactNode } from "react";

// Messages after an action. role="alert" for errors (announced at once), role="status" for success.
export function Notice({ kind, children, id }: { kind: "error" | "success" | "info"; children: ReactNode; id?: string }) {
  const style =
    kind === "error"
      ? "border-red-700 bg-red-50 text-red-900"
      : kind === "success"
        ? "border-green-700 bg-green-50 text-green-900"
        : "border-brand-700 bg-brand-50 text-brand-900";
  return (
    <div id={id} role={kind === "error" ? "alert" : "status"} className={`rounded-md border-l-4 px-4 py-3 text-sm ${style}`}>
      {children}
    </div>
  );
}
