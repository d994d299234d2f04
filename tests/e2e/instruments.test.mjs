// The instruments seeds 000 and 003 name, built in through the same code as a council's own
// template: the IRO's or chair's RAG rating of a child's plan at a review, counted month by
// month in Reports, and the adoption panel's evaluation of an item presented to panel.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { allSaved, continueAndLock, keyboard, launch, openPage, openTask, readyEvents, startAudit, violations } from "./harness.mjs";

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

test("an adoption panel evaluation is made and submitted with the keyboard alone on the strict-CSP page", async () => {
  const { page } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const { focused, tabTo, tabToId } = keyboard(page);
  await tabToId("lens-task-audit");
  await page.keyboard.press("Enter");
  await tabToId("lens-case-reference");
  await page.keyboard.type("AP-KEYS-1");
  await tabToId("lens-auditor");
  await page.keyboard.type("Dana Whitfield");
  // Arrow keys move through the templates and choose: the panel evaluation is the eighth.
  await tabToId("lens-template-0");
  for (let step = 0; step < 7; step += 1) await page.keyboard.press("ArrowDown");
  assert.equal((await focused()).id, "lens-template-7");
  assert.equal(await lens.locator("label[for=lens-template-7]").innerText(), "Adoption panel evaluation");
  await tabTo((element) => element.text === "Start audit", "Start audit");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Adoption panel evaluation", exact: true }).waitFor();
  for (const group of ["lens-h-auditor-role", "lens-h-item-presented"]) {
    await tabToId(`${group}-0`);
    await page.keyboard.press("Space");
  }
  await tabToId("lens-h-team");
  await page.keyboard.type("Adoption and Permanence");
  for (const item of ["complete", "analysis", "child", "knowledge", "clarity"]) {
    await tabToId(`lens-i-${item}-grade-0`);
    await page.keyboard.press("Space");
  }
  await tabTo((element) => element.text === "Continue", "Continue");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-check-title").waitFor();
  await tabTo((element) => element.text === "Submit and lock", "Submit and lock");
  await page.keyboard.press("Enter");
  await lens.getByText("Submitted", { exact: true }).first().waitFor();
  await lens.getByText("It is now waiting for moderation", { exact: false }).waitFor();
});
