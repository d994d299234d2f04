// The themes panel on the golden half year, under the strict CSP: what the narratives of the
// completed audits say, each theme's two sides, a quote that opens its audit at the standard
// and back to the same choice, a reflection never read, and axe-core with zero violations.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";

import { launch, openPage, openTask, readyEvents, seedGolden, typeDate, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/themes/", import.meta.url);
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

const HALF_YEAR = "narratives read from 6 audits completed from 1 April 2026 to 30 September 2026.";

test("the themes of a half year show both sides of each theme, and a quote opens its audit at the standard and comes back to the same choice", async () => {
  const { page, record, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens-csp");
  await page.reload();
  await readyEvents(page);
  // axe-core adds its own styles, which the strict CSP reports: the page's own violations are
  // counted between its runs.
  const csp = () => page.evaluate(() => window.__cspViolations.length);
  let cspSeen = 0;
  const accessible = async (label) => {
    assert.equal(await csp(), cspSeen, `no CSP violation ${label}`);
    assert.deepEqual(await violations(page), [], label);
    cspSeen = await csp();
  };
  await openTask(page, "practice-lens", "Themes");
  const lens = page.locator("practice-lens");
  await typeDate(lens, "lens-themes-from", "2026-04-01");
  await typeDate(lens, "lens-themes-to", "2026-09-30");
  const status = lens.getByText(HALF_YEAR);
  await status.waitFor();
  assert.equal(await lens.getByText("built trust").count(), 0, "a reflection's words are never read");
  const themes = lens.locator(".lens-theme");
  assert.ok((await themes.count()) > 0, "at least one theme was found");
  const first = themes.first();
  await first.getByRole("heading", { name: "Going well" }).waitFor();
  await first.getByRole("heading", { name: "To improve" }).waitFor();
  assert.ok((await lens.locator(".lens-quote mark").count()) > 0, "the words that carried a finding are marked");
  await lens.getByRole("heading", { name: "What the codebook does not cover" }).waitFor();
  await shot(page, "half-year");
  await accessible("on the half year");

  // Split by grade, chosen in the filters: each side's table names grades.
  await lens.locator("#lens-themes-split").selectOption("grade");
  await lens.locator(".lens-theme summary", { hasText: "By grade" }).first().click();
  const split = lens.locator(".lens-theme table").first();
  await split.getByRole("columnheader", { name: "Grade" }).waitFor();
  const grades = await split.locator("tbody th").allTextContents();
  assert.ok(grades.every((grade) => ["Exceeds good", "Meets good", "Does not meet good", "Not graded"].includes(grade)), grades.join(", "));
  await accessible("with a split open");

  const open = lens.locator(".lens-theme__open").first();
  const words = await open.textContent();
  const [, caseReference, standard] = words.match(/^Open (\S+) at (.+)$/);
  await open.click();
  await lens.getByRole("button", { name: "Back to themes" }).waitFor();
  const focused = await page.evaluate(() => {
    const active = document.querySelector("practice-lens").shadowRoot.activeElement;
    return { id: active?.id, text: active?.textContent.trim() };
  });
  assert.ok(focused.id.startsWith("lens-record-"), `focus is on a standard of the record: ${focused.id}`);
  assert.equal(focused.text, standard);
  await lens.getByText(caseReference, { exact: true }).first().waitFor();
  await shot(page, "audit-at-standard");

  await lens.getByRole("button", { name: "Back to themes" }).click();
  await status.waitFor();
  assert.equal(await lens.locator("#lens-themes-from-month").inputValue(), "4", "the choice is kept");
  assert.equal(await lens.locator("#lens-themes-split").inputValue(), "grade");

  // A quick period replaces the dates, and a period with no narratives says what to do.
  await lens.getByRole("button", { name: "This month" }).click();
  await lens.getByRole("button", { name: "This month" }).and(lens.locator("[aria-pressed=true]")).waitFor();
  await lens.getByText("No narrative matches this choice.", { exact: false }).waitFor();
  await accessible("with nothing to show");

  assert.equal(await csp(), cspSeen, "no CSP violation at the end");
  // axe's blocked styles are logged too; the page's own are counted above.
  assert.deepEqual(record.consoleErrors.filter((error) => !error.startsWith("Applying inline style violates")), []);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});
