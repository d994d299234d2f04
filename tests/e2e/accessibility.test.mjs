// axe-core against every screen and state the app has, inside its open shadow root, for the
// WCAG 2.0, 2.1 and 2.2 A and AA rules public bodies must meet.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { keyboard, launch, openPage, openTask, readyEvents, startAudit, submitCaseFileAudit, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the home screen, empty and with an audit saved", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  assert.deepEqual(await violations(page), []);
  await startAudit(page, "practice-lens", "CF-A11Y", "Jo Bloggs");
  await page.locator("practice-lens").getByRole("button", { name: "Back to audits on this device" }).click();
  await page.locator("practice-lens tbody tr").first().waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("the audit form of every built-in template, blank and with its errors shown", async () => {
  const templates = [
    ["Case file audit", "CF-A11Y-1"],
    ["Case file audit (Ofsted four-point scale)", "CF-A11Y-2"],
    ["Collaborative practice review", "CF-A11Y-6"],
    ["Supervision audit", "CF-A11Y-3"],
    ["Practice observation", "CF-A11Y-4"],
    ["Service performance review", "CF-A11Y-5"],
    ["IRO or chair's rating of the child's plan", "CF-A11Y-7"],
    ["Adoption panel evaluation", "CF-A11Y-8"],
    ["Reflecting on my practice", ""],
  ];
  // A reflection's form speaks of a reflection, and a blank one asks for one answer.
  const reflection = "Reflecting on my practice";
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  for (const [template, caseReference] of templates) {
    await startAudit(page, "practice-lens", caseReference, "Jo Bloggs", template);
    await lens.getByRole("heading", { name: template, exact: true }).waitFor();
    assert.deepEqual(await violations(page), [], `${template}, blank`);
    const isReflection = template === reflection;
    await lens.getByRole("button", { name: "Continue" }).click();
    await lens.locator(".lens-error-summary").waitFor();
    assert.deepEqual(await violations(page), [], `${template}, with errors`);
    await lens.getByRole("button", { name: isReflection ? "Back to my reflections" : "Back to audits on this device" }).click();
  }
  await context.close();
});

test("the home screen showing validation errors", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  await openTask(page, "practice-lens", "Audit a case");
  assert.deepEqual(await violations(page), [], "the start form");
  await page.locator("practice-lens").getByRole("button", { name: "Start audit" }).click();
  await page.locator("practice-lens .lens-error-summary").waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("the storage screen and an unknown view", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  await page.evaluate(() => document.querySelector("practice-lens").setAttribute("view", "storage"));
  await page.locator("practice-lens").getByRole("heading", { name: "Data on this device" }).waitFor();
  assert.deepEqual(await violations(page), []);
  await page.evaluate(() => document.querySelector("practice-lens").setAttribute("view", "nowhere"));
  await page.locator("practice-lens").getByText("This page does not exist").waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("the memory-only warning and a bad config attribute", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(window, "indexedDB", { get: () => undefined }));
  const { page } = await openPage(browser, "index.html", { context });
  await readyEvents(page);
  await page.evaluate(() => document.querySelector("practice-lens").setAttribute("config", "{broken"));
  await page.locator("practice-lens").getByText("The config attribute is not valid", { exact: false }).waitFor();
  await page.locator("practice-lens .lens-warning").waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("the start-audit journey works with the keyboard alone", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const focusedId = () => page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id ?? "");
  // Start on the host page's last control before the element, and Tab into it.
  await page.getByRole("button", { name: "Clear example data" }).focus();
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(), "lens-task-audit");
  await page.keyboard.press("Enter");
  // Focus moves to the start form's heading, and the next Tab reaches its first field.
  await page.waitForFunction(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id === "lens-start-title");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(), "lens-case-reference");
  await page.keyboard.type("CF-KEYS");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(), "lens-auditor");
  await page.keyboard.type("Jo Bloggs");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(), "lens-template-0");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.locator("practice-lens").getByRole("button", { name: "Back to audits on this device" }).waitFor();
  await context.close();
});

test("a case file audit is completed, submitted and printed with the keyboard alone", async () => {
  const context = await browser.newContext();
  // Record the print request instead of opening the dialogue.
  await context.addInitScript(() => {
    window.print = () => {
      window.__printed = true;
    };
  });
  const { page } = await openPage(browser, "demo/csp.html", { context });
  await readyEvents(page);
  const { tabTo, tabToId } = keyboard(page);

  await tabToId("lens-task-audit");
  await page.keyboard.press("Enter");
  await tabToId("lens-case-reference");
  await page.keyboard.type("CF-KEYS-2");
  await tabToId("lens-auditor");
  await page.keyboard.type("Jo Bloggs");
  await tabToId("lens-template-0");
  await page.keyboard.press("Space");
  await tabTo((element) => element.text === "Start audit", "Start audit");
  await page.keyboard.press("Enter");
  await page.locator("practice-lens").getByRole("button", { name: "Back to audits on this device" }).waitFor();
  await page.waitForFunction(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id === "lens-form-title");

  await tabToId("lens-h-auditor-role-0");
  await page.keyboard.press("Space");
  await tabToId("lens-h-team");
  await page.keyboard.type("Assessment East");
  for (const group of ["lens-h-audited-previously", "lens-h-age-band", "lens-h-strand"]) {
    await tabToId(`${group}-0`);
    await page.keyboard.press("Space");
  }
  const standards = ["risk", "involvement", "decision-making", "assessments", "coordination", "diversity",
    "plans", "permanence", "reviews", "placement", "independence", "outcomes"];
  for (const id of standards) {
    await tabToId(`lens-i-${id}-grade-0`);
    // Arrow keys move through the grades and choose: the second is Meets good.
    await page.keyboard.press("ArrowDown");
    await tabToId(`lens-i-${id}-narrative`);
    await page.keyboard.type(`Evidence for ${id}, typed with the keyboard.`);
  }
  await tabToId("lens-overall-0");
  await page.keyboard.press("ArrowDown");
  await tabTo((element) => element.text === "Continue", "Continue");
  await page.keyboard.press("Enter");
  await page.locator("practice-lens #lens-check-title").waitFor();
  await tabTo((element) => element.text === "Submit and lock", "Submit and lock");
  await page.keyboard.press("Enter");
  await page.locator("practice-lens").getByText("Submitted", { exact: true }).first().waitFor();
  await tabTo((element) => element.text === "Print this audit", "Print this audit");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => window.__printed), true);
  await context.close();
});

test("an amendment being written, and the same amendment opened again after a reload", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await submitCaseFileAudit(page, "CF-A11Y-AMEND");
  await lens.getByRole("button", { name: "Open CF-A11Y-AMEND" }).click();
  await lens.getByRole("button", { name: "Amend this audit" }).click();
  await lens.locator("#lens-amend-by").fill("Sam Patel");
  await lens.getByRole("button", { name: "Save amendment" }).click();
  await lens.locator(".lens-error-summary").waitFor();
  assert.deepEqual(await violations(page), [], "the amendment with its errors");
  await lens.locator(".lens-save-status").filter({ hasText: /^Amendment draft saved at/ }).waitFor();
  await page.reload();
  await readyEvents(page);
  await lens.getByRole("button", { name: "Open CF-A11Y-AMEND" }).click();
  await lens.locator("#lens-amend-restored").waitFor();
  assert.deepEqual(await violations(page), [], "the restored amendment");
  await context.close();
});
