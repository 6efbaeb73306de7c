import type { ActionError } from "@/lib/actions/result";
import { Notice } from "./notice";

/** A refused action: its message, and the listed details (e.g. unmet exit conditions) under it. */
export function ActionErrorNotice({ error }: { error: ActionError }) {
  return (
    <Notice kind="error">
      <p>{error.message}</p>
      {error.details?.length ? (
        <ul className="mt-2 list-disc pl-5">
          {error.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
