import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectAccessible, newVisitor } from "../e2e/helpers";
import { GOLIVE, type CapturedLetter } from "./ports";

// Helpers of the go-live journey (tests/golive/golive.spec.ts), meant to be continued by later steps:
// the letters the SMTP sink caught, links inside them, and the people of the journey signed in.

const control = (p: string) => `http://127.0.0.1:${GOLIVE.controlPort}${p}`;

/** Every letter the local SMTP sink received so far (oldest first). */
export async function letters(request: APIRequestContext): Promise<CapturedLetter[]> {
  const res = await request.get(control("/letters"));
  expect(res.ok()).toBe(true);
  return (await res.json()) as CapturedLetter[];
}

/** The newest letter to an address (optionally whose subject matches), waiting until it arrives. */
export async function letterTo(request: APIRequestContext, address: string, subject?: RegExp): Promise<CapturedLetter> {
  let found: CapturedLetter | undefined;
  await expect
    .poll(async () => {
      found = (await letters(request)).filter((l) => l.to.includes(address.toLowerCase()) && (!subject || subject.test(l.subject))).at(-1);
      return found !== undefined;
    }, { message: `a letter to ${address}`, timeout: 30_000 })
    .toBe(true);
  return found!;
}

/** The first link of the app (APP_URL) in a letter's text, as a path. */
export function linkIn(letter: CapturedLetter, pattern: RegExp): string {
  const url = letter.text.match(/https?:\/\/\S+/g)?.find((u) => pattern.test(u));
  expect(url, `a link matching ${pattern} in «${letter.subject}»`).toBeTruthy();
  return new URL(url!).pathname;
}

/** What `npm run setup` printed (and its exit code). */
export async function setupOutput(request: APIRequestContext): Promise<{ code: number; stdout: string; stderr: string; databaseUrl: string }> {
  const res = await request.get(control("/setup"));
  expect(res.ok()).toBe(true);
  return res.json();
}

/** Sets a password through a one-time link (set-password or reset); ends on the login page. */
export async function setPasswordThrough(page: Page, path: string, password: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый пароль");
  await expectAccessible(page);
  await page.getByLabel("Новый пароль", { exact: true }).fill(password);
  await page.getByLabel("Новый пароль ещё раз").fill(password);
  await page.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A fresh browser signed in with e-mail and password, on the landing page the app chose. */
export async function signInFresh(browser: Browser, email: string, password: string) {
  const visitor = await newVisitor(browser);
  await visitor.page.goto("/login");
  await visitor.page.getByLabel("Электронная почта").fill(email);
  await visitor.page.getByLabel("Пароль").fill(password);
  await visitor.page.getByRole("button", { name: "Войти", exact: true }).click();
  await expect(visitor.page).not.toHaveURL(/\/login/);
  return visitor;
}
