import { z } from "zod";

// Client-safe schemas (no server imports): forms and actions share them.
export const Email = z.string().trim().toLowerCase().pipe(z.email({ error: "email" }).max(254, { error: "email" }));
export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1, { error: "required" }).max(200, { error: "passwordTooLong" }),
});

export const RequestPasswordResetInput = z.object({ email: Email });

export const ResetPasswordInput = z
  .object({
    token: z.string().max(100),
    password: z.string().min(10, { error: "passwordTooShort" }).max(200, { error: "passwordTooLong" }),
    passwordRepeat: z.string().max(200),
  })
  .refine((v) => v.password === v.passwordRepeat, { error: "passwordsDiffer", path: ["passwordRepeat"] });
