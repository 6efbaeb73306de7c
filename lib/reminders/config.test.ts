import { describe, expect, it } from "vitest";
import { readReminderConfig, smtpConfigured } from "./config";
import { describeMailError, isConnectionError } from "./mailer";

describe("reminder settings from the environment", () => {
  it("defaults: every 15 minutes, on, no SMTP, relative links", () => {
    expect(readReminderConfig({})).toEqual({ disabled: false, intervalMinutes: 15, smtp: null, appUrl: null });
    expect(smtpConfigured({})).toBe(false);
  });

  it("reads the interval, the switch and the app's address", () => {
    const c = readReminderConfig({ REMINDERS_INTERVAL_MINUTES: "5", REMINDERS_DISABLED: "1", APP_URL: "https://nastavnik.example.ru" });
    expect(c).toMatchObject({ disabled: true, intervalMinutes: 5, appUrl: "https://nastavnik.example.ru" });
    expect(readReminderConfig({ REMINDERS_DISABLED: "0" }).disabled).toBe(false);
    expect(readReminderConfig({ AUTH_URL: "https://school.example.ru/api/auth" }).appUrl).toBe("https://school.example.ru");
  });

  it("takes SMTP from SMTP_URL or from its parts", () => {
    expect(readReminderConfig({ SMTP_URL: "smtps://u:p@mail.example.ru:465", SMTP_FROM: "Наставник <no-reply@example.ru>" }).smtp).toEqual({
      url: "smtps://u:p@mail.example.ru:465",
      from: "Наставник <no-reply@example.ru>",
    });
    expect(readReminderConfig({ SMTP_HOST: "mail.example.ru", SMTP_USER: "robot@example.ru", SMTP_PASSWORD: "secret" }).smtp).toEqual({
      host: "mail.example.ru",
      port: 587,
      secure: false,
      user: "robot@example.ru",
      password: "secret",
      from: "robot@example.ru",
    });
    expect(readReminderConfig({ SMTP_HOST: "mail.example.ru", SMTP_PORT: "465" }).smtp).toMatchObject({ port: 465, secure: true });
    expect(smtpConfigured({ SMTP_HOST: "mail.example.ru" })).toBe(true);
  });

  it("refuses wrong values with a Russian message; a broken setting counts as not configured", () => {
    expect(() => readReminderConfig({ REMINDERS_INTERVAL_MINUTES: "0" })).toThrow(/REMINDERS_INTERVAL_MINUTES/);
    expect(() => readReminderConfig({ SMTP_URL: "mail.example.ru" })).toThrow(/smtp:\/\//);
    expect(smtpConfigured({ SMTP_URL: "mail.example.ru" })).toBe(false);
  });
});

describe("mail errors", () => {
  it("tells connection failures from refusals of one message", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNECTION" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("Mailbox unavailable"), { code: "EENVELOPE", responseCode: 550 }))).toBe(false);
    expect(isConnectionError(new Error("boom"))).toBe(false);
  });

  it("describes a failure without credentials", () => {
    expect(describeMailError(Object.assign(new Error("Invalid login for smtp://robot:secret@mail.example.ru"), { code: "EAUTH", responseCode: 535 }))).toBe(
      "EAUTH 535: Invalid login for smtp://***@mail.example.ru",
    );
  });
});
