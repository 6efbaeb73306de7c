import { useId, type TextareaHTMLAttributes } from "react";
import { CONTROL, describedBy, FieldFrame } from "./field";

export function TextAreaField({ label, error, hint, id: givenId, ...props }: { label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea id={id} rows={3} className={CONTROL} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...props} />
    </FieldFrame>
  );
}
