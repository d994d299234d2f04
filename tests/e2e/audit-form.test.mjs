// The auditor's journey through a case file audit: every change saved as it is typed, a reload
// part way through losing nothing, submitting with errors and fixing them, the locked record,
// and two tabs editing the same audit.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, readyEvents, startAudit } from "./harness.mjs";

const STANDARDS = [
  "risk", "involvement", "decision-making", "assessments", "coordination", "diversity",
  "plans", "permanence", "reviews", "placement", "independence", "outcomes",
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Waits until everything typed so far is saved.
async function allSaved(lens) {
  await lens.locator(".lens-save-status").filter({ hasText: /^Saved at \d\d:\d\d$/ }).waitFor();
}

async function gradeAndWrite(lens, standards, grade = 1) {
  for (const id of standards) {
    await lens.locator(`#lens-i-${id}-grade-${grade}`).check();
    await lens.locator(`#lens-i-${id}-narrative`).fill(`Evidence for ${id}: the child's plan "works" = yes.`);
  }
}

async function openFirstAudit(lens) {
  await lens.locator("tbody .lens-link-button").first().click();
  await lens.getByRole("button", { name: "Back to audits on this device" }).waitFor();
}

test("a case file audit is completed, survives a reload part way, and is submitted after fixing its errors", async () => {
  const { page, record, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await startAudit(page, "practice-lens", "CF-2718", "Jo Bloggs");

  await lens.locator("#lens-h-team").fill("Assessment East");
  await lens.locator("#lens-h-audited-previously-1").check();
  await lens.locator("#lens-h-age-band-2").check();
  await gradeAndWrite(lens, STANDARDS.slice(0, 6));
  await allSaved(lens);

  await page.reload();
  await readyEvents(page);
  await openFirstAudit(lens);
  assert.equal(await lens.locator("#lens-h-team").inputValue(), "Assessment East");
  assert.ok(await lens.locator("#lens-h-audited-previously-1").isChecked());
  for (const id of STANDARDS.slice(0, 6)) {
    assert.ok(await lens.locator(`#lens-i-${id}-grade-1`).isChecked(), `${id} is still graded`);
    assert.equal(await lens.locator(`#lens-i-${id}-narrative`).inputValue(), `Evidence for ${id}: the child's plan "works" = yes.`);
  }
  assert.equal(await lens.locator("#lens-i-plans-grade-1").isChecked(), false, "nothing is pre-selected");

  await gradeAndWrite(lens, STANDARDS.slice(6));
  await lens.getByRole("button", { name: "Submit audit" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  const messages = await summary.locator("a").allTextContents();
  assert.deepEqual(messages, ["Select an answer to \"Strand\"", "Give the overall judgement"]);
  await summary.getByRole("link", { name: "Give the overall judgement" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-overall-0");
  assert.match(await lens.locator(".lens-suggestion").textContent(), /Suggested from the grades: Meets good\./);

  await lens.locator("#lens-h-strand-0").check();
  await lens.locator("#lens-overall-1").check();
  await lens.getByRole("button", { name: "Submit audit" }).click();
  await lens.getByText("Submitted", { exact: true }).first().waitFor();
  await allSaved(lens);
  assert.equal(await lens.getByRole("button", { name: "Submit audit" }).count(), 0, "a submitted audit is read only");

  await page.reload();
  await readyEvents(page);
  assert.match(await lens.locator("tbody tr").first().textContent(), /CF-2718.*Submitted/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(record.consoleErrors, []);
  await context.close();
});

test("a second tab editing the same audit gets a conflict, never a silent overwrite", async () => {
  const context = await browser.newContext();
  const { page: first } = await openPage(browser, "index.html", { context });
  await readyEvents(first);
  const a = first.locator("practice-lens");
  await startAudit(first, "practice-lens", "CF-TABS", "Jo Bloggs");

  const { page: second } = await openPage(browser, "index.html", { context });
  await readyEvents(second);
  const b = second.locator("practice-lens");
  await openFirstAudit(b);

  await a.locator("#lens-h-team").fill("Written in tab A");
  await allSaved(a);
  await b.locator("#lens-h-team").fill("Written in tab B");
  await b.getByRole("heading", { name: "This audit was changed somewhere else" }).waitFor();
  assert.equal(await b.locator(".lens-save-status").textContent(), "Not saved: this audit was changed in another tab or window");

  await b.getByRole("button", { name: "Load the saved version" }).click();
  await second.waitForFunction(() =>
    document.querySelector("practice-lens").shadowRoot.getElementById("lens-h-team")?.value === "Written in tab A");
  assert.equal(await b.locator("#lens-h-team").inputValue(), "Written in tab A");
  await context.close();
});
