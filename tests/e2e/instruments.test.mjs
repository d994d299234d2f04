// The instruments seeds 000 and 003 name, built in through the same code as a council's own
// template: the IRO's or chair's RAG rating of a child's plan at a review, counted month by
// month in Reports, and the adoption panel's evaluation of an item presented to panel.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { allSaved, continueAndLock, launch, openPage, openTask, readyEvents, startAudit, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/instruments/", import.meta.url);
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

test("an IRO rates a child's plan red, amber or green and Reports show the month's RAG proportions; a panel member evaluates an item", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");

  await startAudit(page, "practice-lens", "CF-3301", "Chris Adeyemi", "IRO or chair's rating of the child's plan");
  await lens.locator("label[for=lens-h-auditor-role-2]").filter({ hasText: "IRO or conference chair" }).waitFor();
  await lens.locator("#lens-h-auditor-role-2").check();
  await lens.locator("#lens-h-plan-1").check();
  await lens.locator("#lens-h-team").fill("Safeguarding East");
  await lens.locator("#lens-i-current-grade-0").check();
  for (const [item, grade, why] of [
    ["specific", 1, "Actions have no timescales and nobody is named for the health assessment."],
    ["child-voice", 2, "The child has not been seen alone since the conference; their views are not in the plan."],
    ["progress", 1, "Two actions from the last review are still open."],
  ]) {
    await lens.locator(`#lens-i-${item}-grade-${grade}`).check();
    await lens.locator(`#lens-i-${item}-narrative`).fill(why);
  }
  assert.match(await lens.locator(".lens-suggestion").textContent(), /Suggested from the grades: Red\./);
  await lens.locator("#lens-overall-2").check();
  // A red plan needs what must change, by whom and by when.
  await lens.getByRole("button", { name: /^Add (an|another) action$/ }).click();
  await lens.locator("#lens-a-0-what").fill("See the child alone and add their views to the plan");
  await lens.locator("#lens-a-0-owner").fill("Ama Mensah");
  const due = new Date(Date.now() + 28 * 86400000);
  await lens.locator("#lens-a-0-due_on-day").fill(String(due.getDate()));
  await lens.locator("#lens-a-0-due_on-month").fill(String(due.getMonth() + 1));
  await lens.locator("#lens-a-0-due_on-year").fill(String(due.getFullYear()));
  await allSaved(lens);
  await shot(page, "01-iro-rating");
  assert.deepEqual(await violations(page), [], "the IRO's rating");
  await continueAndLock(lens);
  await allSaved(lens);
  // Red is inadequate: a reflective discussion is due, and the rating is shared like any audit.
  await lens.getByText(/reflective discussion/i).first().waitFor();
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();

  await startAudit(page, "practice-lens", "AP-12", "Dana Whitfield", "Adoption panel evaluation");
  await lens.locator("#lens-h-auditor-role-4").check();
  await lens.locator("#lens-h-item-presented-1").check();
  await lens.locator("#lens-h-team").fill("Adoption and Permanence");
  for (const item of ["complete", "analysis", "child", "knowledge"]) await lens.locator(`#lens-i-${item}-grade-0`).check();
  await lens.locator("#lens-i-clarity-grade-1").check();
  await lens.locator("#lens-i-clarity-narrative").fill("The presentation repeated the report rather than drawing out the match's risks.");
  assert.equal(await lens.locator("#lens-overall-0").count(), 0, "a panel evaluation asks for no overall judgement");
  await shot(page, "02-panel-evaluation");
  assert.deepEqual(await violations(page), [], "the panel evaluation");
  await continueAndLock(lens);
  await allSaved(lens);
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();

  await openTask(page, "practice-lens", "Reports");
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const red = lens.locator("tr", { hasText: `Template: IRO or chair's rating of the child's plan; Month: ${month}; Grade: Red` });
  await red.first().waitFor();
  assert.match(await red.first().innerText(), /\t1\t1\t100%$/);
  const green = lens.locator("tr", { hasText: `Template: IRO or chair's rating of the child's plan; Month: ${month}; Grade: Green` });
  assert.match(await green.first().innerText(), /\t0\t1\t0%$/);
  await shot(page, "03-reports-rag");
  assert.deepEqual(await violations(page), [], "Reports with a RAG rating");
  assert.deepEqual(record.pageErrors, []);
});
