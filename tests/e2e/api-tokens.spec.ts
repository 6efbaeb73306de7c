import { expect, test } from "@playwright/test";
import { expectAccessible, newDirector, newVisitor } from "./helpers";

// The HTTP API's tokens from the head's side (issue #20 item 2, decision 045): the director creates a token
// on the organization's settings, copies it once, a regional system reads with it, the director revokes it
// and the system is refused. The API's readable description is reachable from the page.

const SCHOOL = { slug: "sosh-14", name: "МАОУ «СОШ № 14»" };

test("a director creates an API token, a system reads with it, the director revokes it", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const director = await newDirector(browser, SCHOOL, "Токенова Вера Павловна");
  const page = director.page;
  await page.goto(`/${SCHOOL.slug}/profile`);
  await page.getByRole("link", { name: "Токены API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Токены API" })).toBeVisible();
  await expectAccessible(page);

  // Without a scope the form refuses, naming the field.
  await page.getByLabel("Название").fill("Региональный мониторинг");
  await page.getByRole("button", { name: "Создать токен" }).click();
  await expect(page.getByText("Отметьте хотя бы одно право токена.").first()).toBeVisible();

  await page.getByLabel(/Читать программы и пары/).check();
  await page.getByRole("button", { name: "Создать токен" }).click();
  const secret = page.getByTestId("api-token-secret");
  await expect(secret).toHaveText(/^nst_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
  const token = (await secret.textContent())!;
  const row = page.getByRole("row", { name: /Региональный мониторинг/ });
  await expect(row).toContainText("programs.read");
  await expect(row).toContainText("не использовался");
  await expectAccessible(page);

  const programs = await request.get(`/api/v1/organizations/${SCHOOL.slug}/programs`, { headers: { authorization: `Bearer ${token}` } });
  expect(programs.status()).toBe(200);
  expect(await programs.json()).toMatchObject({ organization: { slug: SCHOOL.slug }, programs: expect.any(Array) });
  const figures = await request.get(`/api/v1/organizations/${SCHOOL.slug}/figures`, { headers: { authorization: `Bearer ${token}` } });
  expect([figures.status(), (await figures.json()).error.code]).toEqual([403, "FORBIDDEN"]);

  // The list tells when it was used; the secret is shown nowhere after a reload.
  await page.reload();
  await expect(page.getByRole("row", { name: /Региональный мониторинг/ })).not.toContainText("не использовался");
  await expect(page.getByText(token)).toHaveCount(0);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("row", { name: /Региональный мониторинг/ }).getByRole("button", { name: "Отозвать" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Токен отозван." })).toBeVisible();
  await expect(page.getByRole("row", { name: /Региональный мониторинг/ })).toContainText("отозван");
  const refused = await request.get(`/api/v1/organizations/${SCHOOL.slug}/programs`, { headers: { authorization: `Bearer ${token}` } });
  expect([refused.status(), (await refused.json()).error.code]).toEqual([401, "UNAUTHENTICATED"]);
  await director.context.close();
});

test("the API's description is public: OpenAPI 3.1 and a readable page", async ({ browser }) => {
  const visitor = await newVisitor(browser);
  const spec = await visitor.context.request.get("/api/v1/openapi.json");
  expect(spec.status()).toBe(200);
  expect((await spec.json()).openapi).toBe("3.1.0");
  await visitor.page.goto("/api/v1/docs");
  await expect(visitor.page.getByRole("heading", { level: 1 })).toContainText("API");
  await expect(visitor.page.getByRole("heading", { name: /GET \/api\/v1\/organizations\/\{org\}\/figures/ })).toBeVisible();
  await expectAccessible(visitor.page);
  const noToken = await visitor.context.request.get("/api/v1/organizations/sosh-14/programs");
  expect([noToken.status(), (await noToken.json()).error.code]).toEqual([401, "UNAUTHENTICATED"]);
  await visitor.context.close();
});
