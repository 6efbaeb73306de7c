import type { ActionResult } from "@/lib/actions/result";

/** A short outcome next to a small form: saved, or the refusal (field errors show at their fields). */
export function InlineOutcome({ result, okText }: { result: ActionResult<unknown> | null; okText: string }) {
  if (!result) return null;
  if (result.ok)
    return (
      <span role="status" className="text-sm text-green-800">
        {okText}
      </span>
    );
  if (result.error.fieldErrors) return null;
  return (
    <span role="alert" className="text-sm text-red-800">
      {result.error.message}
    </span>
  );
}
