// The moderator's and the QA team's journeys from the home screen's tasks: moderating a
// submitted audit, then a report over the device's audits downloaded as CSV, with the storage
// status remembering the export. Each runs with the mouse and with the keyboard alone, and
// axe-core checks every screen and state on the way.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { keyboard, launch, openPage, openTask, readyEvents, STANDARDS, submitCaseFileAudit, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("a moderator grades a submitted audit, agrees the grades with a rationale, and a report counts it", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await submitCaseFileAudit(page, "CF-MOD-1");
  await lens.getByText("1 audit is waiting for moderation.").waitFor();

  await openTask(page, "practice-lens", "Moderate an audit");
  assert.deepEqual(await violations(page), [], "the moderation list");
  await lens.getByRole("button", { name: "Moderate CF-MOD-1" }).click();
  await lens.getByRole("heading", { name: "Moderate: Case file audit" }).waitFor();
  assert.deepEqual(await violations(page), [], "the blank moderation form");

  // The blind step: the moderator's own grades, with nothing of the auditor's on the page.
  await lens.getByRole("button", { name: "Compare with the auditor's grades" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  const messages = await summary.locator("a").allTextContents();
  assert.equal(messages[0], "Enter the moderator's name");
  assert.equal(messages.length, 1 + STANDARDS.length + 1, "each standard and the overall judgement needs the moderator's grade");
  assert.equal(messages.at(-1), "Give your overall judgement");
  assert.equal(await lens.getByText(/The auditor's grade:/).count(), 0, "blind until every grade is given");
  assert.deepEqual(await violations(page), [], "the moderation form with errors");
  await summary.getByRole("link", { name: "Enter the moderator's name" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-m-moderator");

  // The audit's own author cannot moderate it, however the name is typed.
  await lens.locator("#lens-m-moderator").fill("jo  BLOGGS");
  // Risk is raised to Exceeds good at moderation; every other grade is confirmed.
  for (const id of STANDARDS) await lens.locator(`#lens-m-${id}-own-${id === "risk" ? 0 : 1}`).check();
  // The overall judgement is moderated down, below good.
  await lens.locator("#lens-moderation-overall-own-2").check();
  await lens.getByRole("button", { name: "Compare with the auditor's grades" }).click();
  await summary.waitFor();
  const refusal = "Jo Bloggs wrote this audit, so cannot moderate it: a moderation is an independent grading. Ask another moderator";
  assert.deepEqual(await summary.locator("a").allTextContents(), [refusal]);
  await summary.getByRole("link", { name: refusal }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-m-moderator");
  await lens.locator("#lens-m-moderator").fill("Amira Hussain");
  await lens.getByRole("button", { name: "Compare with the auditor's grades" }).click();

  // The comparison: side by side, each difference marked by its size; the own grades are fixed.
  await lens.getByRole("heading", { name: "Compare and agree the grades" }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-moderation-compare-title");
  await lens.getByText("Your grades and the auditor's: 11 the same and 2 one grade apart.").waitFor();
  const compared = lens.getByRole("table", { name: "Your grades beside the auditor's" });
  assert.match(await compared.locator("tbody tr").first().innerText(), /Exceeds good\s+Meets good\s+One grade apart/);
  assert.match(await compared.locator("tbody tr").last().innerText(), /Overall judgement\s+Does not meet good\s+Meets good\s+One grade apart/);
  assert.equal(await lens.locator("#lens-m-risk-own-0").count(), 0, "the independent grades cannot be changed now");
  assert.deepEqual(await violations(page), [], "the comparison");
  if (process.env.LENS_SCREENSHOTS === "1") await page.screenshot({ path: "/tmp/lens-moderation-comparison.png", fullPage: true });
  for (const id of STANDARDS) await lens.locator(`#lens-m-${id}-agreed-${id === "risk" ? 0 : 1}`).check();
  await lens.locator("#lens-moderation-overall-agreed-2").check();
  await lens.getByRole("button", { name: "Complete moderation" }).click();
  await summary.waitFor();
  assert.deepEqual(await summary.locator("a").allTextContents(), [
    "Give the rationale for the agreed grade of standard 1 \"Risk is identified, responded to and reduced in…\": it differs from the auditor's",
    "Give the rationale for the agreed overall judgement: it differs from the auditor's",
  ]);
  await lens.locator("#lens-moderation-overall-rationale").fill("The plan has no timescales, which limits the whole.");
  await lens.locator("#lens-m-risk-rationale").fill("Safety planning was stronger than the audit recorded.");
  await lens.locator("#lens-m-feedback").fill("Evaluative throughout; record the safety plan's review date.");
  await lens.getByRole("button", { name: "Complete moderation" }).click();
  await lens.getByRole("heading", { name: "Moderation saved" }).waitFor();
  assert.match(await lens.locator(".lens-panel").textContent(), /confirmed 11 of the auditor's 12 grades for case CF-MOD-1/);
  assert.deepEqual(await violations(page), [], "the moderation saved panel");

  await lens.getByRole("button", { name: "Back to moderation" }).click();
  await lens.getByText("No submitted audits on this device are waiting for moderation.").waitFor();
  assert.match(await lens.locator("table").last().textContent(), /CF-MOD-1.*Amira Hussain.*11 of 12/);
  // The moderated audit's record shows the moderation: who, the three grades, the gap, the
  // rationale and the feedback.
  await lens.getByRole("button", { name: /^CF-MOD-1\s*: open the audit and its moderation$/ }).click();
  const record = lens.locator(".lens-moderation-record");
  await record.waitFor();
  assert.match(await record.textContent(), /Moderated by Amira Hussain on .*The agreed grades confirmed 11 of the auditor's 12 grades\./);
  const risk = await record.locator("tbody tr").first().innerText();
  assert.match(risk, /Meets good\s+Exceeds good\s+Exceeds good\s+One grade apart\s+Safety planning was stronger than the audit recorded\./);
  assert.match(await record.locator("tbody tr").nth(1).innerText(), /Same grade\s+None needed: the auditor's grade was agreed/);
  assert.match(await record.locator("tbody tr").last().innerText(), /Overall judgement\s+Meets good\s+Does not meet good\s+Does not meet good\s+One grade apart\s+The plan has no timescales/);
  // Moderated down to below good: the corrective action is now due, after the moderation.
  await lens.getByText(/^Agreed at moderation as Does not meet good overall \(the auditor graded Meets good\): the service manager confirms corrective action was completed by \d+ \w+ \d{4}$/).first().waitFor();
  await record.getByText("Evaluative throughout; record the safety plan's review date.").waitFor();
  assert.deepEqual(await violations(page), [], "the moderated audit's record");
  // The audit's own file carries its moderation: agreed grades and the feedback go with it.
  const [audited] = await Promise.all([
    page.waitForEvent("download"),
    lens.getByRole("button", { name: "Download as JSON" }).click(),
  ]);
  const carried = JSON.parse(await readFile(await audited.path(), "utf8"));
  assert.equal(carried.audits.length, 1);
  assert.equal(carried.moderations.length, 1);
  assert.equal(carried.moderations[0].moderation.audit_id, carried.audits[0].audit.id);
  assert.equal(carried.moderations[0].moderation.feedback, "Evaluative throughout; record the safety plan's review date.");
  await lens.getByRole("button", { name: "Back to audits on this device" }).first().click();
  await openTask(page, "practice-lens", "Moderate an audit");
  await lens.getByRole("button", { name: "Back to home" }).click();
  assert.match(await lens.getByRole("table", { name: "Audits on this device" }).locator("tbody tr").first().textContent(), /CF-MOD-1.*Moderated/);
  assert.match(await lens.getByRole("table", { name: "Follow-up to do" }).textContent(), /Agreed at moderation as Does not meet good overall/);

  // The report covers this quarter so far by default, which holds today's audit.
  await openTask(page, "practice-lens", "Reports");
  await lens.getByText(/^1 audit completed from/).waitFor();
  assert.deepEqual(await violations(page), [], "the reports screen");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    lens.getByRole("button", { name: "Download report as CSV" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, /how_much,audits_completed,,1,/);
  assert.match(csv, /how_well,moderation_exact_agreement,,11,12,/);
  assert.match(csv, /how_well,good_or_better,,0,1,/, "the agreed overall judgement counts, not the auditor's");
  await lens.getByRole("button", { name: "Back to home" }).click();
  // A report is not a backup: the reminder still says the device's data was never downloaded.
  await lens.getByText("Nothing has been exported from this device yet.").waitFor();
  const [backup] = await Promise.all([
    page.waitForEvent("download"),
    lens.getByRole("button", { name: "Download all data on this device" }).click(),
  ]);
  assert.equal(JSON.parse(await readFile(await backup.path(), "utf8")).audits.length, 1);
  await lens.getByText(/^Last exported on .*: all data \(1 audit and 1 moderation\) as JSON\.$/).waitFor();
  assert.deepEqual(await violations(page), [], "home with the last export");
  await context.close();
});

test("moderation and a report download work with the keyboard alone on the strict-CSP page", async () => {
  const { page, record, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await submitCaseFileAudit(page, "CF-MOD-KEYS");
  const { tabToId, tabToText } = keyboard(page);

  await tabToId("lens-task-moderate");
  await page.keyboard.press("Enter");
  await tabToText("Moderate CF-MOD-KEYS");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Moderate: Case file audit" }).waitFor();
  await tabToId("lens-m-moderator");
  await page.keyboard.type("Amira Hussain");
  // Space chooses the first grade, Exceeds good, which differs from the auditor's.
  for (const id of STANDARDS) {
    await tabToId(`lens-m-${id}-own-0`);
    await page.keyboard.press("Space");
  }
  await tabToId("lens-moderation-overall-own-0");
  await page.keyboard.press("Space");
  await tabToText("Compare with the auditor's grades");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Compare and agree the grades" }).waitFor();
  for (const id of STANDARDS) {
    await tabToId(`lens-m-${id}-agreed-0`);
    await page.keyboard.press("Space");
    await tabToId(`lens-m-${id}-rationale`);
    await page.keyboard.type("Stronger than recorded.");
  }
  await tabToId("lens-moderation-overall-agreed-0");
  await page.keyboard.press("Space");
  await tabToId("lens-moderation-overall-rationale");
  await page.keyboard.type("Stronger than recorded throughout.");
  await tabToText("Complete moderation");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Moderation saved" }).waitFor();
  assert.match(await lens.locator(".lens-panel").textContent(), /confirmed 0 of the auditor's 12 grades/);

  await tabToText("Back to moderation");
  await page.keyboard.press("Enter");
  await tabToText("Back to home");
  await page.keyboard.press("Enter");
  await tabToId("lens-task-reports");
  await page.keyboard.press("Enter");
  await lens.getByText(/^1 audit completed from/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await tabToText("Download report as JSON");
      await page.keyboard.press("Enter");
    })(),
  ]);
  const report = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(report.format, "practice-lens-report");
  const agreement = report.figures.find((figure) => figure.measure === "moderation_exact_agreement");
  assert.deepEqual([agreement.count, agreement.of], [0, 12]);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(record.consoleErrors, []);
  await context.close();
});

test("a reflection starts from its own task, asks for no template and says it is private", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Reflect on my practice");
  await lens.getByRole("heading", { name: "Reflect on my practice" }).waitFor();
  assert.equal(await lens.getByRole("radio").count(), 0, "there is only one reflection template to choose");
  assert.match(await lens.locator(".lens-inset").textContent(), /stays on this device/);
  assert.deepEqual(await violations(page), [], "the reflection start form");
  await lens.locator("#lens-auditor").fill("Sam Patel");
  await lens.getByRole("button", { name: "Start reflection" }).click();
  await lens.getByRole("heading", { name: "Reflecting on my practice" }).waitFor();
  assert.equal(await lens.locator("#lens-private-notice").count(), 1);
  await context.close();
});

test("two tabs moderating the same audit make one moderation, and the second is told why", async () => {
  const context = await browser.newContext();
  const { page: first } = await openPage(browser, "index.html", { context });
  await readyEvents(first);
  await submitCaseFileAudit(first, "CF-MOD-TABS");
  const { page: second } = await openPage(browser, "index.html", { context });
  await readyEvents(second);
  const moderate = async (page, moderator) => {
    // A tab in the background draws no frames, so each click would wait for one.
    await page.bringToFront();
    const lens = page.locator("practice-lens");
    await openTask(page, "practice-lens", "Moderate an audit");
    await lens.getByRole("button", { name: "Moderate CF-MOD-TABS" }).click();
    await lens.locator("#lens-m-moderator").fill(moderator);
    for (const id of STANDARDS) await lens.locator(`#lens-m-${id}-own-1`).check();
    await lens.locator("#lens-moderation-overall-own-1").check();
    await lens.getByRole("button", { name: "Compare with the auditor's grades" }).click();
    for (const id of STANDARDS) await lens.locator(`#lens-m-${id}-agreed-1`).check();
    await lens.locator("#lens-moderation-overall-agreed-1").check();
    return lens;
  };
  const a = await moderate(first, "Amira Hussain");
  const b = await moderate(second, "Ben Okafor");
  await a.getByRole("button", { name: "Complete moderation" }).click();
  await a.getByRole("heading", { name: "Moderation saved" }).waitFor();
  await b.getByRole("button", { name: "Complete moderation" }).click();
  const status = b.locator(".lens-save-status, [role=status]").filter({ hasText: /^Not saved/ });
  await status.waitFor();
  assert.match(await status.textContent(), /moderated in another tab or window/);
  assert.equal(await b.locator("#lens-m-moderator").inputValue(), "Ben Okafor", "the second grading stays on screen");
  assert.equal(await b.locator("#lens-m-risk-agreed-1").isChecked(), true);

  await first.reload();
  await readyEvents(first);
  const lens = first.locator("practice-lens");
  await openTask(first, "practice-lens", "Reports");
  await lens.getByText(/^1 audit completed from/).waitFor();
  const [download] = await Promise.all([
    first.waitForEvent("download"),
    lens.getByRole("button", { name: "Download report as CSV" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, /how_much,moderations,,1,/, "one moderation, not one per tab");
  await context.close();
});
