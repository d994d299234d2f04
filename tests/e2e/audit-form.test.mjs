// The auditor's journey through a case file audit: every change saved as it is typed, a reload
// part way through losing nothing, submitting with errors and fixing them, the locked record,
// and two tabs editing the same audit.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { allSaved, continueAndLock, gradeAndWrite, typeDate, launch, openPage, readyEvents, STANDARDS, startAudit, submitCaseFileAudit, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

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
  await lens.getByRole("button", { name: "Continue" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  const messages = await summary.locator("a").allTextContents();
  assert.deepEqual(messages, ["Select an answer to \"Your role in this audit\"", "Select an answer to \"Strand\"", "Give the overall judgement"]);
  await summary.getByRole("link", { name: "Give the overall judgement" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-overall-0");
  assert.match(await lens.locator(".lens-suggestion").textContent(), /Suggested from the grades: Meets good\./);

  await lens.locator("#lens-h-strand-0").check();
  await lens.locator("#lens-h-auditor-role-0").check();
  await lens.locator("#lens-overall-1").check();
  // Check your answers: every answer with a Change link; nothing is locked yet.
  await lens.getByRole("button", { name: "Continue" }).click();
  const check = lens.locator("#lens-check-title");
  await check.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-check-title");
  const answers = lens.locator(".lens-summary-list--check");
  assert.match(await answers.textContent(), /Strand.*Overall judgement\s*Meets good/s);
  assert.equal(await answers.getByRole("link", { name: /^Change/ }).count(), await answers.locator(".lens-summary-list__row").count());
  await answers.getByRole("link", { name: "Change overall judgement" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-overall-1");
  assert.equal(await lens.locator("#lens-i-risk-grade-1").isChecked(), true, "the draft is still a draft");
  await continueAndLock(lens);
  await lens.getByRole("heading", { name: "Audit submitted" }).waitFor();
  assert.match(await lens.locator(".lens-panel").textContent(), /waiting for moderation/);
  await allSaved(lens);
  assert.equal(await lens.getByRole("button", { name: "Continue" }).count(), 0, "a submitted audit is read only");

  // Every printed page carries the protective marking from config, the print date and its
  // number, as an @page rule the CSS object model adds under the strict CSP.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await lens.getByRole("button", { name: "Print this audit" }).click();
  const pageRule = await page.evaluate(() => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n"));
  assert.match(pageRule, /@top-center \{ content: "OFFICIAL-SENSITIVE";/);
  assert.match(pageRule, /@bottom-center \{ content: "OFFICIAL-SENSITIVE";/);
  assert.match(pageRule, /@bottom-left \{ content: "Printed on \d{1,2} \w+ \d{4} at \d\d:\d\d";/);
  assert.match(pageRule, /counter\(pages\)/);
  assert.equal(await page.evaluate(() => window.__printed), true);

  // Amend: the change is recorded with who made it and why.
  await lens.getByRole("button", { name: "Amend this audit" }).click();
  await lens.locator("#lens-h-team").fill("Assessment North");
  await lens.getByRole("button", { name: "Save amendment" }).click();
  await summary.waitFor();
  assert.deepEqual(await summary.locator("a").allTextContents(), ["Enter your name to amend the audit", "Enter why the audit is being amended"]);
  await summary.getByRole("link", { name: "Enter why the audit is being amended" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-amend-reason");
  await lens.locator("#lens-amend-reason").fill("The case moved team before the audit");
  await lens.locator("#lens-amend-by").fill("Sam Patel");

  // An amendment left unfinished by a reload opens again as it was left; the audit is unchanged.
  await lens.locator(".lens-save-status").filter({ hasText: /^Amendment draft saved at \d\d:\d\d$/ }).waitFor();
  await page.reload();
  await readyEvents(page);
  await openFirstAudit(lens);
  await lens.locator("#lens-amend-restored").waitFor();
  assert.equal(await lens.locator("#lens-h-team").inputValue(), "Assessment North");
  assert.equal(await lens.locator("#lens-amend-by").inputValue(), "Sam Patel");
  assert.equal(await lens.locator("#lens-amend-reason").inputValue(), "The case moved team before the audit");
  await lens.getByRole("button", { name: "Save amendment" }).click();
  await lens.getByRole("heading", { name: "Amendments" }).waitFor();
  await allSaved(lens);

  await page.reload();
  await readyEvents(page);
  assert.match(await lens.locator("tbody tr").first().textContent(), /CF-2718.*Submitted/);
  await openFirstAudit(lens);
  await lens.getByRole("button", { name: "Amend this audit" }).waitFor();
  assert.equal(await lens.locator("#lens-amend-by").count(), 0, "a saved amendment leaves no draft behind");
  const amendments = await lens.locator("section", { hasText: "Amendments" }).last().textContent();
  assert.match(amendments, /by Sam Patel: The case moved team before the audit/);
  assert.match(amendments, /Team: Assessment East → Assessment North/);
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
  assert.deepEqual(await violations(second), [], "the conflict warning");

  await b.getByRole("button", { name: "Load the saved version" }).click();
  await second.waitForFunction(() =>
    document.querySelector("practice-lens").shadowRoot.getElementById("lens-h-team")?.value === "Written in tab A");
  assert.equal(await b.locator("#lens-h-team").inputValue(), "Written in tab A");
  await context.close();
});

test("a second tab amending the same audit is told, and neither amendment is overwritten", async () => {
  const context = await browser.newContext();
  const { page: first } = await openPage(browser, "index.html", { context });
  await readyEvents(first);
  await submitCaseFileAudit(first, "CF-AMEND-TABS");
  const a = first.locator("practice-lens");
  await openFirstAudit(a);
  const { page: second } = await openPage(browser, "index.html", { context });
  await readyEvents(second);
  const b = second.locator("practice-lens");
  await openFirstAudit(b);

  await a.getByRole("button", { name: "Amend this audit" }).click();
  await b.getByRole("button", { name: "Amend this audit" }).click();
  await a.locator("#lens-amend-reason").fill("Written in tab A");
  await a.locator(".lens-save-status").filter({ hasText: /^Amendment draft saved at/ }).waitFor();
  await b.locator("#lens-amend-reason").fill("Written in tab B");
  await b.getByRole("heading", { name: "This amendment is being written in another tab or window too" }).waitFor();
  assert.equal(await b.locator(".lens-save-status").textContent(), "Not saved: this amendment is also being written in another tab or window");
  assert.deepEqual(await violations(second), [], "the amendment conflict warning");

  await b.getByRole("button", { name: "Load the other amendment" }).click();
  await second.waitForFunction(() =>
    document.querySelector("practice-lens").shadowRoot.getElementById("lens-amend-reason")?.value === "Written in tab A");
  await context.close();
});

test("a case graded below good shows its follow-up, downloads as JSON and CSV, and flags overdue actions on Home", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await startAudit(page, "practice-lens", "CF-=1+1", "Jo Bloggs");
  await lens.locator("#lens-h-team").fill("Assessment West");
  await lens.locator("#lens-h-audited-previously-0").check();
  await lens.locator("#lens-h-age-band-0").check();
  await lens.locator("#lens-h-strand-1").check();
  await lens.locator("#lens-h-auditor-role-0").check();
  await gradeAndWrite(lens, STANDARDS, 2);
  await lens.locator("#lens-overall-2").check();
  await lens.getByRole("button", { name: "Continue" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  assert.deepEqual(await summary.locator("a").allTextContents(), ["Agree at least one action: the case is graded Does not meet good overall"]);
  await summary.getByRole("link").click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-actions-add");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-a-0-what").fill("Update the child's plan");
  await lens.locator("#lens-a-0-owner").fill("Team manager");
  await lens.locator("#lens-a-0-due_on-day").fill("5");
  await lens.locator("#lens-a-0-due_on-month").fill("1");
  await lens.locator(".lens-save-status").filter({ hasText: "except a due date that is not yet a real date" }).waitFor();
  await lens.locator("#lens-a-0-due_on-year").fill("2026");
  await allSaved(lens);
  await continueAndLock(lens);
  assert.match(await lens.locator(".lens-panel").textContent(), /Update the child's plan\. Owner: Team manager, by 5 January 2026\./);
  await lens.getByRole("heading", { name: "Follow-up", exact: true }).waitFor();
  // Every grade says itself in words, tinted by its standing: below good here.
  const grades = await lens.locator(".lens-standard .lens-tag").evaluateAll((tags) => tags.map((tag) => [tag.className, tag.textContent]));
  assert.equal(grades.length, STANDARDS.length);
  assert.ok(grades.every(([tint, words]) => tint === "lens-tag lens-tag--orange" && words === "Does not meet good"), JSON.stringify(grades));
  const followUp = await lens.locator(".lens-table tbody").textContent();
  assert.match(followUp, /service manager confirms corrective action was completed by/);
  assert.match(followUp, /Update the child's plan\. Owner: Team manager.*5 January 2026.*Overdue: not started/);
  await allSaved(lens);
  assert.deepEqual(await violations(page), [], "the submitted record");

  const [json] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download as JSON" }).click()]);
  assert.equal(json.suggestedFilename(), "audit-CF--1-1.json");
  const bundle = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(bundle.format, "practice-lens-bundle");
  assert.equal(bundle.audits[0].audit.case_reference, "CF-=1+1");
  assert.equal(bundle.audits[0].audit.status, "submitted");
  const [csv] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download actions as CSV" }).click()]);
  const actions = await readFile(await csv.path(), "utf8");
  assert.ok(actions.startsWith("\uFEFFaudit_id,action_id,what,owner,due_on,status,completed_on\r\n"), actions);
  assert.match(actions, /Update the child's plan,Team manager,2026-01-05,open,/);

  await lens.getByRole("button", { name: "Amend this audit" }).click();
  await lens.getByRole("button", { name: "Save amendment" }).click();
  await lens.locator(".lens-error-summary").waitFor();
  assert.match(await lens.locator(".lens-error-summary").textContent(), /Nothing was changed: there is nothing to amend/);
  assert.deepEqual(await violations(page), [], "an amendment with its errors");
  await lens.getByRole("button", { name: "Cancel the amendment" }).click();
  await lens.getByRole("button", { name: "Amend this audit" }).waitFor();

  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await lens.getByRole("heading", { name: "Follow-up to do" }).waitFor();
  assert.match(await lens.locator("section", { hasText: "Follow-up to do" }).textContent(), /1 overdue\..*CF-=1\+1.*Update the child's plan/);
  assert.deepEqual(await violations(page), [], "home with follow-up");
  await context.close();
});

test("the audits on this device can be searched and filtered", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  for (const [caseReference, team] of [["CF-F1", "Team Red"], ["CF-F2", "Team Blue"]]) {
    await startAudit(page, "practice-lens", caseReference, "Jo Bloggs");
    await lens.locator("#lens-h-team").fill(team);
    await allSaved(lens);
    await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  }
  const rows = lens.locator("tbody tr");
  const status = lens.locator(".lens-filters + p");
  await rows.nth(1).waitFor();
  assert.equal(await status.textContent(), "Showing 2 of 2 audits");

  await lens.locator("#lens-filter-search").fill("f2");
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /CF-F2/);
  await lens.getByRole("button", { name: "Clear the search and filters" }).click();
  await lens.locator("#lens-filter-team").selectOption("Team Red");
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /CF-F1/);
  await lens.locator("#lens-filter-status").selectOption("Submitted");
  assert.equal(await rows.count(), 0);
  assert.equal(await status.textContent(), "Showing 0 of 2 audits");
  assert.deepEqual(await violations(page), [], "the filtered list");
  await lens.getByRole("button", { name: "Clear the search and filters" }).click();

  // Dates are typed in the GOV.UK pattern, taken once they are real, and explained when not.
  assert.equal(await lens.locator('input[type="date"]').count(), 0, "no browser date picker");
  const today = new Date();
  const [year, month, day] = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  await typeDate(lens, "lens-filter-from", `${year + 1}-01-01`);
  assert.equal(await status.textContent(), "Showing 0 of 2 audits");
  await typeDate(lens, "lens-filter-from", `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  assert.equal(await status.textContent(), "Showing 2 of 2 audits");
  await typeDate(lens, "lens-filter-to", `${year}-02-31`);
  await lens.locator("#lens-filter-to-error").getByText('"Dated to" must be a real date, for example 27 3 2026').waitFor();
  await typeDate(lens, "lens-filter-to", `${year - 1}-01-01`);
  await lens.locator("#lens-filter-to-error").getByText('"Dated to" must be the same as or after "Dated from"').waitFor();
  assert.deepEqual(await violations(page), [], "the filter dates with their errors");
  await lens.getByRole("button", { name: "Clear the search and filters" }).click();
  assert.equal(await lens.locator("#lens-filter-from-day").inputValue(), "");
  await context.close();
});

test("a reflection reads as one, needs one answer, and stays out of the audit list and the device download unless ticked in", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await submitCaseFileAudit(page, "CF-SHARED");
  await startAudit(page, "practice-lens", "", "Jo Bloggs", "Reflecting on my practice");
  assert.match(await lens.locator("#lens-private-notice").textContent(), /stays on this device/);
  for (const audit of ["How to complete this audit", "Submit audit", "Back to audits", "What to look for"]) {
    assert.equal(await lens.getByText(audit).count(), 0, `a reflection never says "${audit}"`);
  }
  // The prompt's own guidance is the hint of its answer, not a panel above the next prompt.
  const helped = lens.getByLabel("What helped me?");
  assert.equal(await helped.getAttribute("aria-describedby"), "lens-i-what-helped-narrative-hint lens-i-what-helped-narrative-info");
  assert.match(await lens.locator("#lens-i-what-helped-narrative-hint").textContent(), /tools, supervision/);

  await lens.getByRole("button", { name: "Continue" }).click();
  await lens.locator(".lens-error-summary").getByText("Answer at least one of the prompts before you submit your reflection").waitFor();
  await lens.locator("#lens-i-went-well-narrative").fill("I saw the child alone and listened.");
  await allSaved(lens);
  await continueAndLock(lens, "Finish my reflection");
  await lens.getByRole("heading", { name: "Reflection finished" }).waitFor();
  assert.match(await lens.locator("#lens-private-notice").textContent(), /only if you download it/);
  assert.equal(await lens.getByRole("button", { name: "Download actions as CSV" }).count(), 0, "a reflection has no actions");
  await lens.getByRole("button", { name: "Print this reflection" }).waitFor();
  await lens.getByRole("button", { name: "Download this reflection to share it" }).waitFor();
  await page.screenshot({ path: "target/e2e-reflection-record.png", fullPage: true, caret: "initial" });

  await lens.getByRole("button", { name: "Back to my reflections" }).click();
  const audits = lens.getByRole("table", { name: "Audits on this device" });
  assert.equal(await audits.locator("tbody tr").count(), 1, "the audit list holds the audit, not the reflection");
  assert.doesNotMatch(await audits.textContent(), /Reflecting|No case/);
  await lens.getByText("Showing 1 of 1 audits").waitFor();
  const mine = lens.getByRole("table", { name: "My reflections" });
  assert.match(await mine.locator("tbody tr").first().textContent(), /No particular case.*Submitted/);
  assert.deepEqual(await violations(page), [], "home with my reflections");
  await page.screenshot({ path: "target/e2e-home-with-reflections.png", fullPage: true, caret: "initial" });

  const downloadAll = async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      lens.getByRole("button", { name: "Download all data on this device" }).click(),
    ]);
    return JSON.parse(await readFile(await download.path(), "utf8"));
  };
  const without = await downloadAll();
  assert.deepEqual(without.audits.map((record) => record.audit.case_reference), ["CF-SHARED"]);
  assert.ok(without.templates.every((template) => template.kind !== "reflection"), "no reflection template either");
  await lens.getByText(/^Last exported on .*: all data \(1 audit and 0 moderations\) as JSON\.$/).waitFor();
  await lens.getByLabel("Include my reflections (1)").check();
  const withMine = await downloadAll();
  assert.equal(withMine.audits.length, 2, "ticked in, the author's reflection is in the file");
  await lens.getByText(/with 1 of my reflections\) as JSON\.$/).waitFor();
  await context.close();
});

test("the twelve-standard form has a map of its standards, and an amendment says so at the top", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const focused = () => page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id);
  await startAudit(page, "practice-lens", "CF-MAP-1", "Jo Bloggs");
  const contents = lens.getByRole("navigation", { name: "Standards" });
  await contents.getByText("0 of 12 graded").waitFor();
  await gradeAndWrite(lens, STANDARDS.slice(0, 7));
  await contents.getByText("7 of 12 graded").waitFor();
  assert.match(await contents.locator("li").first().textContent(), /Graded Meets good/);
  assert.match(await contents.locator("li").nth(7).textContent(), /Not graded yet/);

  // Each entry moves focus to its standard; after every standard a link goes back to the list.
  await contents.locator("li").nth(8).getByRole("link").click();
  assert.equal(await focused(), "lens-i-reviews-grade-0");
  await lens.getByRole("link", { name: "Back to the list of standards" }).nth(8).click();
  assert.equal(await focused(), "lens-contents-title");
  await page.screenshot({ path: "target/e2e-form-contents.png", caret: "initial" });

  await lens.getByRole("button", { name: "Continue" }).click();
  await lens.locator(".lens-error-summary").waitFor();
  await contents.getByText(/^7 of 12 graded; 5 have a problem$/).waitFor();
  assert.match(await contents.locator("li").nth(11).textContent(), /Has a problem/);
  assert.deepEqual(await violations(page), [], "the form with its contents and errors");
  await gradeAndWrite(lens, STANDARDS.slice(7));
  await lens.locator("#lens-overall-1").check();
  await lens.locator("#lens-h-team").fill("Assessment East");
  await lens.locator("#lens-h-audited-previously-1").check();
  await lens.locator("#lens-h-age-band-2").check();
  await lens.locator("#lens-h-strand-0").check();
  await lens.locator("#lens-h-auditor-role-0").check();
  await lens.getByRole("button", { name: "Continue" }).click();
  await lens.locator("#lens-check-title").waitFor();
  assert.deepEqual(await violations(page), [], "check your answers");
  await page.screenshot({ path: "target/e2e-check-answers.png", fullPage: true, caret: "initial" });
  await lens.getByRole("button", { name: "Submit and lock" }).click();
  await lens.getByRole("heading", { name: "Audit submitted" }).waitFor();
  assert.deepEqual(await violations(page), [], "the submitted panel");
  await page.screenshot({ path: "target/e2e-submitted-panel.png", caret: "initial" });

  await lens.getByRole("button", { name: "Amend this audit" }).click();
  const banner = lens.locator("#lens-amending-banner");
  await banner.getByRole("heading", { name: "You are amending this submitted audit" }).waitFor();
  const [bannerTop, formTop] = await Promise.all([banner.boundingBox(), lens.getByRole("navigation", { name: "Standards" }).boundingBox()]);
  assert.ok(bannerTop.y < formTop.y, "the banner comes before the form");
  await banner.getByRole("link", { name: "Go to your name and the reason" }).click();
  assert.equal(await focused(), "lens-amend-by");
  assert.deepEqual(await violations(page), [], "amending, with the banner");
  await context.close();
});
