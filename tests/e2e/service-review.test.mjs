// A head of service starts a service performance review on the strict-CSP page and drafts lens 3
// from the device's audits: the case file audits (with moderation), the supervision audits, the
// practice observations and capacity to improve are filled, each figure the same as Reports for
// that period and template, with the evidence listed; the area the head of service had written
// in keeps its text with the draft offered beside it; drafting again for a team changes nothing
// written; the review saves the draft like typing and it is there after a reload; axe-core finds
// nothing and the panel is used with the keyboard alone.

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { allSaved, foreignRequests, keyboard, launch, openPage, openTask, readyEvents, startAudit, typeDate, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/service-review/", import.meta.url);
const BUNDLE = await readFile(new URL("../fixtures/bundles/service-review.json", import.meta.url), "utf8");
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

const OURS = "Observed practice this half-year was discussed at the practice forum: we write this ourselves.";
const field = (lens, item) => lens.locator(`#lens-i-${item}-narrative`);

test("a head of service drafts lens 3 from the audits, keeps what was written, and the figures are Reports' own", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const element = page.locator("practice-lens");
  const imported = await element.evaluate((lens, text) => lens.importBundle(text), BUNDLE);
  assert.equal(imported.total.refused, 0);
  const lens = page.locator("practice-lens");
  const csp = () => page.evaluate(() => window.__cspViolations.length);

  // The figures Reports gives for the half-year, template by template, read from its screen.
  const reported = {};
  for (const template of ["Case file audit (Ofsted four-point scale)", "Supervision audit", "Practice observation"]) {
    await openTask(page, "practice-lens", "Reports");
    await typeDate(lens, "lens-report-from", "2026-04-01");
    await typeDate(lens, "lens-report-to", "2026-09-30");
    await lens.locator("#lens-report-template").selectOption({ label: template });
    const summary = lens.getByText(/^\d+ audits? completed from 1 April 2026 to 30 September 2026\.$/);
    await summary.waitFor();
    reported[template] = Number((await summary.textContent()).match(/^(\d+)/)[1]);
    await lens.getByRole("button", { name: "Back to home" }).click();
  }
  assert.ok(Object.values(reported).every((count) => count > 0), JSON.stringify(reported));

  await startAudit(page, "practice-lens", "SPR-2026-H1", "Hana Malik", "Service performance review");
  const panel = lens.locator("#lens-challenge-fill");
  await panel.waitFor();
  assert.equal(await lens.getByRole("heading", { name: "Draft lens 3 from this device's audits" }).count(), 1);
  // What the head of service writes first is never replaced.
  await field(lens, "observed-practice").fill(OURS);
  await allSaved(lens);
  await shot(page, "review-panel");
  assert.deepEqual(await violations(page), [], "the review with its drafting panel");

  // A period that is not one is refused at its field, and nothing is drafted.
  await typeDate(lens, "lens-challenge-from", "2026-09-31");
  await panel.getByRole("button", { name: "Draft lens 3 from the audits" }).click();
  await panel.getByText("Enter the first day of the review period as a real date, for example 1 4 2026").first().waitFor();
  assert.equal(await field(lens, "case-file-audits").inputValue(), "");
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement.id), "lens-challenge-from-day");
  await shot(page, "period-refused");
  assert.deepEqual(await violations(page), [], "the refused period");

  // With the keyboard alone: the half-year typed, Tab to the button and Enter.
  await typeDate(lens, "lens-challenge-from", "2026-04-01");
  await typeDate(lens, "lens-challenge-to", "2026-09-30");
  await lens.locator("#lens-challenge-team").focus();
  const { tabToId } = keyboard(page);
  await tabToId("lens-challenge-draft");
  await page.keyboard.press("Enter");
  await panel.getByText("Lens 3 drafted for 1 April 2026 to 30 September 2026, all teams:").waitFor();

  const caseFiles = await field(lens, "case-file-audits").inputValue();
  const cfa = reported["Case file audit (Ofsted four-point scale)"];
  assert.ok(caseFiles.startsWith(`Drafted by Practice Lens from ${cfa} completed audits on this device, 1 April 2026 to 30 September 2026, all teams.`), caseFiles);
  assert.match(caseFiles, new RegExp(`Case file audit \\(Ofsted four-point scale\\): ${cfa} completed\\.`));
  assert.match(caseFiles, /\d+ of the \d+ with an overall judgement \(\d+%\) were good or better: Outstanding \d+, Good \d+/);
  assert.match(caseFiles, /\d+ of these were moderated; the moderator confirmed \d+ of \d+ grades/);
  assert.match(caseFiles, /Evidence:\n- Counts, grades and moderation: Reports, 1 April 2026 to 30 September 2026, all teams, template "Case file audit \(Ofsted four-point scale\)"\./);
  const other = await field(lens, "dip-sampling").inputValue();
  assert.match(other, new RegExp(`Supervision audit: ${reported["Supervision audit"]} completed\\.`));
  const capacity = await field(lens, "professional-capacity").inputValue();
  assert.match(capacity, /actions due were completed by their due date/);
  assert.equal(await field(lens, "observed-practice").inputValue(), OURS, "what was written stays");
  const kept = panel.locator("li").filter({ hasText: "Results of observed practice: not changed, because you have written there." });
  await kept.locator("summary").click();
  assert.match(await kept.locator(".lens-details__text").textContent(), new RegExp(`Practice observation: ${reported["Practice observation"]} completed\\.`));
  assert.equal(await field(lens, "serious-case-reviews").inputValue(), "", "what Practice Lens does not hold is left to the head of service");
  // Judgements are the head of service's.
  assert.equal(await lens.locator("#lens-i-case-file-audits-grade-0").isChecked(), false);
  await allSaved(lens);
  await shot(page, "drafted");
  assert.deepEqual(await violations(page), [], "the drafted review");

  // Drafted again for one team: every area is written in now, so nothing changes.
  await lens.locator("#lens-challenge-team").selectOption("Assessment East");
  await panel.getByRole("button", { name: "Draft lens 3 from the audits" }).click();
  await panel.getByText("Lens 3 drafted for 1 April 2026 to 30 September 2026, Assessment East:").waitFor();
  assert.equal(await field(lens, "case-file-audits").inputValue(), caseFiles);
  assert.equal(await panel.getByText(/: not changed, because you have written there\./).count(), 3);
  await panel.getByText(/^Results of observed practice: not drafted\. No practice observation on this device was completed in this period for Assessment East\. Some in this period record no team/).waitFor();
  await shot(page, "drafted-again-for-a-team");
  assert.deepEqual(await violations(page), [], "drafted again for a team");

  // The draft was saved with the review, like typing.
  await page.reload();
  await readyEvents(page);
  await lens.locator("#lens-filter-search").fill("SPR-2026-H1");
  await lens.getByRole("button", { name: /^Open .*SPR-2026-H1/ }).click();
  assert.equal(await field(lens, "case-file-audits").inputValue(), caseFiles);
  assert.equal(await field(lens, "observed-practice").inputValue(), OURS);

  assert.equal(await csp(), 0, "no CSP violation");
  assert.deepEqual(foreignRequests(record), []);
  await page.close();
});
