"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "./use-hydrated";

type Variant = "primary" | "secondary" | "danger" | "link";

const STYLES: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-500",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-600",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  link: "text-brand-700 underline hover:text-brand-900 px-0 py-0",
};

/** A button; one with an onClick handler stays disabled until hydrated (before that a click does nothing). */
export function Button({ variant = "primary", className = "", disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const hydrated = useHydrated();
  return (
    <button
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed ${STYLES[variant]} ${className}`}
      disabled={disabled || (props.onClick !== undefined && !hydrated)}
      {...props}
    />
  );
}
