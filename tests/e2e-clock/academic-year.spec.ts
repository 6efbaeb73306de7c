import { expect, test } from "@playwright/test";
import { parseInstant } from "../../lib/clock";
import { currentAcademicYear, formatAcademicYear } from "../../lib/domain/academic-year";
import { isOverdue, parseDuePeriod } from "../../lib/domain/due-period";
import { todayIn } from "../../lib/domain/local-date";
import { expectAccessible, signedInAs } from "../e2e/helpers";
import { CLOCK_NOW } from "./playwright.config";

// The demo district keeps Moscow time: the pages must count the academic year and overdue activities
// on that calendar at the server's test clock — not on UTC's (the default instant is still 31 August
// there) and not on the machine's real date.
const ZONE = "Europe/Moscow";
const instant = parseInstant(CLOCK_NOW);
const year = currentAcademicYear(ZONE, instant);
const today = todayIn(ZONE, instant);

test(`a new program is for ${formatAcademicYear(year)} and the demo program is this year's`, async ({ browser }) => {
  const curator = await signedInAs(browser, "curator@sosh14.demo");
  await curator.page.goto("/sosh-14/program");
  await curator.page.getByRole("button", { name: "Создать программу" }).click();
  await expect(curator.page.getByRole("heading", { level: 1 })).toContainText(`Программа наставничества на ${formatAcademicYear(year)}`);
  await expectAccessible(curator.page);

  const other = await signedInAs(browser, "curator@sosh20.demo");
  await other.page.goto("/sosh-20/program");
  await expect(other.page.getByRole("heading", { level: 1 })).toContainText(formatAcademicYear(year));
});

test("the roadmap marks exactly the activities whose period ended before today on the school's calendar", async ({ browser }) => {
  const { page } = await signedInAs(browser, "curator@sosh20.demo");
  let total = 0;
  let expected = 0;
  let marked = 0;
  // Stage by stage: the roadmap lists 10 activities a page, a stage of the seed has at most 7.
  for (let stage = 1; stage <= 7; stage++) {
    await page.goto(`/sosh-20/program/roadmap?stage=${stage}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (stage === 1) await expectAccessible(page);
    const table = page.getByRole("table", { name: "Мероприятия дорожной карты" });
    if ((await table.count()) === 0) continue; // a stage without activities
    await expect(page.getByRole("navigation", { name: /страниц/i })).toHaveCount(0);
    const rows = table.locator("tbody tr");
    const count = await rows.count();
    total += count;
    for (let i = 0; i < count; i++) {
      const cells = rows.nth(i).locator("td");
      const dueCell = (await cells.nth(2).innerText()).replace(/просрочено/i, "").trim();
      const statusText = (await cells.nth(5).innerText()).split("\n")[0]!.trim();
      const status = statusText === "Выполнено" ? "DONE" : statusText === "Отменено" ? "CANCELLED" : "PLANNED";
      const due = parseDuePeriod(dueCell.split("\n")[0]!, year);
      if (isOverdue({ status, dueEnd: due.end, recurrence: due.recurrence }, today)) expected += 1;
      if ((await rows.nth(i).getAttribute("data-overdue")) !== null) marked += 1;
    }
  }
  expect(total).toBeGreaterThan(10);
  expect(marked).toBe(expected);
});
