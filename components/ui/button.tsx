"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "./use-hydrated";

type Variant = "primary" | "secondary" | "danger" | "link";

/** A button (classes `btn btn-<variant>` in app/globals.css); one with an onClick handler stays disabled until hydrated (before that a click does nothing). */
export function Button({ variant = "primary", className = "", disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const hydrated = useHydrated();
  return (
    <button
      className={`btn btn-${variant}${className ? ` ${className}` : ""}`}
      disabled={disabled || (props.onClick !== undefined && !hydrated)}
      {...props}
    />
  );
}
