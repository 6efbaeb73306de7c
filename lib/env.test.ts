import { describe, expect, it } from "vitest";
import { oidcSettings } from "./env";
import { envOf as readEnv } from "../tests/setup/env";

describe("single sign-on settings (OIDC_*)", () => {
  const full = { OIDC_ISSUER: "https://sso.region.test/realms/edu", OIDC_CLIENT_ID: "nastavnik", OIDC_CLIENT_SECRET: "s3cret" };

  it("none set: no provider", () => {
    expect(oidcSettings(readEnv({}))).toBeNull();
    expect(oidcSettings(readEnv({ OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" }))).toBeNull();
  });

  it("all three set: the provider, with the button's label when given", () => {
    expect(oidcSettings(readEnv(full))).toEqual({ issuer: full.OIDC_ISSUER, clientId: "nastavnik", clientSecret: "s3cret", name: null });
    expect(oidcSettings(readEnv({ ...full, OIDC_NAME: " Войти через региональный портал " }))?.name).toBe("Войти через региональный портал");
  });

  it("a partial set or a malformed issuer stops with a Russian message", () => {
    expect(() => readEnv({ OIDC_ISSUER: full.OIDC_ISSUER, OIDC_CLIENT_ID: "nastavnik" })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() => readEnv({ OIDC_CLIENT_SECRET: "s3cret" })).toThrow(/все три переменные/);
    expect(() => readEnv({ ...full, OIDC_ISSUER: "sso.region.test" })).toThrow(/OIDC_ISSUER/);
    expect(() => readEnv({ ...full, OIDC_ISSUER: "ftp://sso.region.test" })).toThrow(/https:\/\//);
  });
});

describe("the kept figures' refresh period (FIGURES_REFRESH_SECONDS, decision 055)", () => {
  it("defaults to a minute; 0 turns it off", () => {
    expect(readEnv({}).FIGURES_REFRESH_SECONDS).toBe(60);
    expect(readEnv({ FIGURES_REFRESH_SECONDS: "0" }).FIGURES_REFRESH_SECONDS).toBe(0);
    expect(readEnv({ FIGURES_REFRESH_SECONDS: "300" }).FIGURES_REFRESH_SECONDS).toBe(300);
  });

  it("anything but whole seconds from 0 to a day stops with a Russian message", () => {
    for (const value of ["минута", "-1", "1.5", "86401"]) expect(() => readEnv({ FIGURES_REFRESH_SECONDS: value })).toThrow(/FIGURES_REFRESH_SECONDS — целое число секунд/);
  });
});
