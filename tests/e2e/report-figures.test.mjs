// Every figure of a report opens the audits behind it, on the strict-CSP page: for the golden half
// year the audits listed are exactly those the report's own JSON file names for that figure, newest
// first, each opening its record and coming back to the same list; back at the report, focus is on
// the figure's count again; a list of several pages comes back on the page it was left, on the
// audit opened from it. axe-core with zero violations on the list, and the keyboard alone
// does the whole journey.

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { launch, openPage, openTask, readyEvents, seedGolden, typeDate, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/report-figures/", import.meta.url);
const GOLDEN = JSON.parse(await readFile(new URL("../fixtures/bundles/golden.json", import.meta.url), "utf8"));
const DESK_TEXT = await readFile(new URL("../fixtures/bundles/desk.json", import.meta.url), "utf8");
const CASE_OF = new Map(GOLDEN.audits.map((entry) => [entry.audit.id, entry.audit.case_reference]));
let browser;
before(async () => {
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

const shot = (page, name) =>
  process.env.LENS_SCREENSHOTS === "1" ? page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true }) : null;

const FIGURES = "6 audits completed from 1 April 2026 to 30 September 2026.";
const LIST = "The audits behind a figure";

// The case references and audit dates of the list on screen, in its order.
async function listed(lens) {
  const table = lens.getByRole("table", { name: LIST });
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({ reference: row.querySelector("th").textContent, day: row.querySelectorAll("td")[3].textContent })),
  );
}

// The case references the report file names for the figure that `matches` picks.
function named(file, matches) {
  const figures = file.figures.filter(matches);
  assert.equal(figures.length, 1, JSON.stringify(figures));
  return figures[0].audits.map((id) => CASE_OF.get(id)).sort();
}

test("a QA manager opens the audits behind a report's figures, opens one, and comes back to the same list and figure", async () => {
  const { page } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens-csp");
  await page.reload();
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Reports");
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-09-30");
  await lens.getByText(FIGURES).first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    lens.getByRole("button", { name: "Download report as JSON" }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));

  // The case file audits judged "Does not meet good" overall: two, newest first.
  const notGood = lens.getByRole("button", {
    name: "2: open the audits behind Overall grade, Template: Case file audit; Grade: Does not meet good", exact: true,
  });
  await notGood.click();
  await lens.getByRole("heading", { name: LIST }).waitFor();
  await lens.getByText("Showing 2 of 2 audits").waitFor();
  const shown = await listed(lens);
  assert.deepEqual(
    shown.map((row) => row.reference).sort(),
    named(file, (figure) => figure.measure === "overall_grade" && Object.keys(figure.group).length === 2 && figure.group.grade === "DNMG"),
  );
  const days = shown.map((row) => Date.parse(row.day));
  assert.ok(days[0] >= days[1], JSON.stringify(shown));
  assert.match(await lens.locator(".lens-summary-list").textContent(), /Count2 out of 6 \(33%\)/);
  await shot(page, "not-good-list");
  assert.deepEqual(await violations(page), [], "the audits behind a figure");

  // One opened and closed: the same list again.
  const first = shown[0].reference;
  await lens.getByRole("button", { name: `Open ${first}` }).click();
  await lens.getByRole("button", { name: "Back to the figure's audits" }).first().click();
  await lens.getByRole("heading", { name: LIST }).waitFor();
  await lens.getByText("Showing 2 of 2 audits").waitFor();
  assert.deepEqual(await listed(lens), shown);

  // Back at the report, focus is on the figure's count, and the report is the same half year.
  await lens.getByRole("button", { name: "Back to the whole report" }).first().click();
  await lens.getByText(FIGURES).first().waitFor();
  await page.waitForFunction(() => {
    const active = document.querySelector("practice-lens").shadowRoot.activeElement;
    return active?.getAttribute("aria-label") === "2: open the audits behind Overall grade, Template: Case file audit; Grade: Does not meet good";
  });

  // With the keyboard alone: the whole period's completed audits, every one the file names.
  const completed = lens.getByRole("button", { name: "6: open the audits behind Audits completed, All", exact: true });
  await completed.focus();
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: LIST }).waitFor();
  await lens.getByText("Showing 6 of 6 audits").waitFor();
  assert.deepEqual(
    (await listed(lens)).map((row) => row.reference).sort(),
    named(file, (figure) => figure.measure === "audits_completed" && Object.keys(figure.group).length === 0),
  );
  await shot(page, "completed-list");
  assert.deepEqual(await violations(page), [], "every completed audit");
  await page.close();
});

// The Open button that has focus inside the element, by its accessible text.
const focusedText = (page) =>
  page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.textContent ?? "");

test("a figure's audits over several pages come back on the page left, with focus on the audit opened", async () => {
  const { page } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens-csp");
  const element = page.locator("practice-lens").first();
  const imported = await element.evaluate((lens, text) => lens.importBundle(text), DESK_TEXT);
  assert.ok(imported.written > 100, `the desk's audits were written: ${imported.written}`);
  await page.reload();
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Reports");
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-09-30");
  await lens.getByText("61 audits completed from 1 April 2026 to 30 September 2026.").first().waitFor();

  await lens.getByRole("button", { name: "61: open the audits behind Audits completed, All", exact: true }).click();
  await lens.getByText("Showing 1 to 25 of 61 audits").waitFor();
  const pages = lens.getByRole("navigation", { name: "Pages of the figure's audits" });
  await pages.getByRole("button", { name: "Next page" }).click();
  await lens.getByText("Showing 26 to 50 of 61 audits").waitFor();
  const second = await listed(lens);
  assert.equal(second.length, 25);
  await shot(page, "completed-page-2");

  // The fourth audit on page 2, opened and closed.
  const row = lens.getByRole("table", { name: LIST }).locator("tbody tr").nth(3);
  const opened = await row.getByRole("button").textContent();
  await row.getByRole("button").click();
  await lens.getByRole("button", { name: "Back to the figure's audits" }).first().click();
  await lens.getByText("Showing 26 to 50 of 61 audits").waitFor();
  assert.deepEqual(await listed(lens), second, "the same page, in the same order");
  await page.waitForFunction(
    (text) => document.querySelector("practice-lens").shadowRoot.activeElement?.textContent === text,
    opened,
  );
  assert.equal(await focusedText(page), opened);
  assert.ok(await pages.locator("[aria-current='page']").filter({ hasText: "2" }).count(), "page 2 is current");
  await shot(page, "back-on-page-2");

  // Home and back: the report opens whole, not on the figure.
  await lens.getByRole("button", { name: "Back to the whole report" }).first().click();
  await lens.getByRole("button", { name: "Back to home" }).click();
  await openTask(page, "practice-lens", "Reports");
  await lens.getByText("61 audits completed from 1 April 2026 to 30 September 2026.").first().waitFor();
  assert.equal(await lens.getByRole("heading", { name: LIST }).count(), 0, "no figure is open");
  await page.close();
});
