import { describe, expect, it } from "vitest";
import { unavailablePage } from "./unavailable-page";

describe("unavailablePage", () => {
  it("is a 503 in Russian by default, not cached, with Retry-After", () => {
    const page = unavailablePage(undefined);
    expect(page.status).toBe(503);
    expect(page.body).toContain("Сервис временно недоступен, попробуйте через минуту.");
    expect(page.body).toContain('<html lang="ru">');
    expect(page.headers["Cache-Control"]).toBe("no-store");
    expect(page.headers["Retry-After"]).toBe("60");
    expect(page.headers["Content-Length"]).toBe(String(Buffer.byteLength(page.body)));
    expect(page.body).not.toContain("<script");
  });

  it("follows the language cookie", () => {
    expect(unavailablePage("a=1; NEXT_LOCALE=en").body).toContain("The service is temporarily unavailable");
    expect(unavailablePage("NEXT_LOCALE=de").body).toContain('<html lang="ru">');
  });
});
