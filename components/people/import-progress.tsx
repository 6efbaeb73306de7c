"use client";

/** A native progress bar with its text: determinate while the browser reads the file, indeterminate while the server works. */
export function ImportProgress({ text, percent }: { text: string; percent?: number }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-2 rounded-md border border-brand-700 bg-brand-50 px-4 py-3 text-sm text-brand-900">
      <label htmlFor="people-import-progress" className="font-medium">
        {text}
      </label>
      <progress id="people-import-progress" className="h-2 w-full" max={100} value={percent}>
        {percent !== undefined ? `${percent} %` : null}
      </progress>
    </div>
  );
}
