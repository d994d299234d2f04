// An audit's life after submission: a below-good audit taken from submitted to closed with its
// follow-up recorded (an action's progress, the corrective action confirmed), the report's
// "better off" figures rising, the record reopened with a reason; an inadequate audit's
// reflective discussion; Home's follow-up filtered by owner, team and due this month; the
// journey by keyboard alone. Every state is checked with axe-core.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { allSaved, continueAndLock, gradeAndWrite, keyboard, launch, openPage, openTask, readyEvents, STANDARDS, startAudit, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/follow-up/", import.meta.url);
let browser;
before(async () => {
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

// Kept only when asked for (LENS_SCREENSHOTS=1), to look at each state as a person would.
const shot = (page, name) =>
  process.env.LENS_SCREENSHOTS === "1" ? page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true }) : null;

// Starts, completes and submits an audit graded at position `grade` throughout, with one action
// owned by `owner` and due on `due` (day, month, year), and leaves its record open.
async function submitWithAction(page, { caseReference, template = "Case file audit", team, grade, owner, due }) {
  const lens = page.locator("practice-lens");
  await startAudit(page, "practice-lens", caseReference, "Jo Bloggs", template);
  await lens.locator("#lens-h-team").fill(team);
  await lens.locator("#lens-h-audited-previously-1").check();
  await lens.locator("#lens-h-age-band-2").check();
  await lens.locator("#lens-h-strand-0").check();
  await lens.locator("#lens-h-auditor-role-0").check();
  await gradeAndWrite(lens, STANDARDS, grade);
  await lens.locator(`#lens-overall-${grade}`).check();
  await lens.getByRole("button", { name: /^Add (an|another) action$/ }).click();
  await lens.locator("#lens-a-0-what").fill("Update the child's plan");
  await lens.locator("#lens-a-0-owner").fill(owner);
  await lens.locator("#lens-a-0-due_on-day").fill(String(due[0]));
  await lens.locator("#lens-a-0-due_on-month").fill(String(due[1]));
  await lens.locator("#lens-a-0-due_on-year").fill(String(due[2]));
  await allSaved(lens);
  await continueAndLock(lens);
  await allSaved(lens);
}

// The recording panel's form for `form` opened, filled by `fill`, and sent.
async function record(lens, form, fill) {
  await lens.getByRole("button", { name: form, exact: true }).click();
  await lens.locator("#lens-fu-form-title").filter({ hasText: form }).waitFor();
  await fill();
  await lens.locator("#lens-fu-submit").click();
}

test("a below-good audit goes from submitted to closed with its follow-up recorded, the report's better-off figures rise, and it reopens with a reason", async () => {
  const { page, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const today = new Date();
  await submitWithAction(page, {
    caseReference: "CF-FU-1", team: "Assessment West", grade: 2, owner: "Ama Mensah",
    due: [28, 12, today.getFullYear() + 1],
  });
  await lens.getByRole("heading", { name: "Record follow-up" }).waitFor();
  assert.match(await lens.locator("section[aria-labelledby=lens-fu-title]").textContent(), /You can close this audit once every follow-up is done\./);
  assert.equal(await lens.getByRole("button", { name: "Close this audit", exact: true }).count(), 0, "not while follow-up is still to do");
  assert.deepEqual(await violations(page), [], "a submitted audit with follow-up to record");
  await shot(page, "01-submitted");

  // The action's progress: done today, with a note; no amendment is made.
  await record(lens, "Record progress on an action", async () => {
    assert.deepEqual(await violations(page), [], "the progress form");
    await lens.getByLabel("Done", { exact: true }).check();
    await lens.locator("#lens-fu-on-day").waitFor();
    await lens.locator("#lens-fu-text").fill("Plan rewritten with the family; shared with the school.");
    await lens.locator("#lens-fu-by").fill("Ama Mensah");
    await shot(page, "02-progress-form");
  });
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The action's progress is recorded." }).waitFor();
  await allSaved(lens);
  const recorded = lens.getByRole("table", { name: "Follow-up recorded" });
  assert.match(await recorded.textContent(), /Ama Mensah.*"Update the child's plan": done on \d+ \w+ \d{4}\. Plan rewritten with the family/);

  // The confirmation, refused with every problem first, then recorded. The name stays from the
  // last form, so the recorder is not asked again.
  await record(lens, "Confirm the corrective action", async () => {
    await lens.locator("#lens-fu-by").fill("");
  });
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  assert.deepEqual(await summary.locator("a").allTextContents(), [
    "Enter your name: follow-up records who recorded it",
    "Enter the day the corrective action was confirmed",
    "Enter what was done",
  ]);
  await summary.getByRole("link", { name: "Enter what was done" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-fu-text");
  assert.deepEqual(await violations(page), [], "the confirmation with its errors");
  await shot(page, "03-confirm-errors");
  await lens.locator("#lens-fu-on-day").fill(String(today.getDate()));
  await lens.locator("#lens-fu-on-month").fill(String(today.getMonth() + 1));
  await lens.locator("#lens-fu-on-year").fill(String(today.getFullYear()));
  await lens.locator("#lens-fu-text").fill("Plan reviewed at the team meeting; visits weekly.");
  await lens.locator("#lens-fu-by").fill("Dee Quinn");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The corrective action is confirmed." }).waitFor();
  await allSaved(lens);

  // Every follow-up done: the audit closes, and stays closed after a reload.
  await record(lens, "Close this audit", async () => {
    assert.equal(await lens.locator("#lens-fu-by").inputValue(), "Dee Quinn", "the name stays from the last form");
  });
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The audit is closed." }).waitFor();
  await allSaved(lens);
  assert.match(await lens.locator(".lens-summary-list").first().textContent(), /StatusClosed/);
  assert.equal(await lens.getByRole("button", { name: "Amend this audit" }).count(), 0, "a closed audit is reopened before it is amended");
  assert.deepEqual(await violations(page), [], "a closed audit");
  await shot(page, "04-closed");

  await page.reload();
  await readyEvents(page);
  await lens.getByRole("button", { name: /^Open .*CF-FU-1/ }).first().click();
  await lens.getByRole("button", { name: "Reopen this audit", exact: true }).waitFor();
  assert.equal((await recorded.locator("tbody tr").allTextContents()).length, 3, "progress, confirmation and closing");

  // The JSON download carries the events in bundle version 4.
  const [json] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download as JSON" }).click()]);
  const bundle = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(bundle.format_version, 4);
  assert.equal(bundle.audits[0].audit.status, "closed");
  assert.deepEqual(bundle.audits[0].audit.follow_up.events.map((event) => event.what.kind), ["action_progress", "corrective_action_confirmed", "closed"]);
  assert.deepEqual(bundle.audits[0].audit.amendments, [], "follow-up is not an amendment");
  const [csv] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download follow-up as CSV" }).click()]);
  assert.equal(csv.suggestedFilename(), "audit-CF-FU-1.follow-up.csv");
  const rows = (await readFile(await csv.path(), "utf8")).trim().split("\r\n");
  assert.equal(rows.length, 1 + 3);
  assert.match(rows[2], /,Dee Quinn,corrective_action_confirmed,,,\d{4}-\d\d-\d\d,,Plan reviewed at the team meeting; visits weekly\.,,,,,,,$/);

  // Reports count the action done on time and the corrective action confirmed in time.
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await openTask(page, "practice-lens", "Reports");
  await lens.getByText("Is anyone better off?").first().waitFor();
  const betterOff = lens.getByRole("table", { name: "Is anyone better off?" });
  const row = async (measure) => (await betterOff.locator("tr", { hasText: measure }).first().innerText()).split("\t").map((cell) => cell.trim());
  assert.deepEqual((await row("Actions completed by their due date")).slice(1), ["All", "1", "1", "100%"]);
  assert.deepEqual((await row("Corrective action confirmed by the end of the following month")).slice(1), ["All", "1", "1", "100%"]);
  await shot(page, "05-report");

  // Reopened with a reason, it is submitted again and can take more follow-up.
  await lens.getByRole("button", { name: "Back to home" }).click();
  await lens.getByRole("button", { name: /^Open .*CF-FU-1/ }).first().click();
  await record(lens, "Reopen this audit", async () => {
    await lens.locator("#lens-fu-by").fill("Dee Quinn");
  });
  await summary.waitFor();
  assert.deepEqual(await summary.locator("a").allTextContents(), ["Enter why the audit is reopened"]);
  await lens.locator("#lens-fu-reason").fill("The family say the plan was not shared with them.");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The audit is reopened." }).waitFor();
  await allSaved(lens);
  assert.match(await lens.locator(".lens-summary-list").first().textContent(), /StatusSubmitted/);
  assert.match(await recorded.textContent(), /Audit reopened: The family say the plan was not shared with them\./);
  await shot(page, "06-reopened");
  await context.close();
});

test("an inadequate audit records its reflective discussion, and Home's follow-up filters by owner, team and due this month", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const today = new Date();
  await submitWithAction(page, {
    caseReference: "CF-FU-2", template: "Case file audit (Ofsted four-point scale)", team: "Assessment East",
    grade: 3, owner: "Sam Okafor", due: [today.getDate(), today.getMonth() + 1, today.getFullYear()],
  });
  await record(lens, "Record the reflective discussion", async () => {
    await lens.locator("#lens-fu-on-day").fill(String(today.getDate()));
    await lens.locator("#lens-fu-on-month").fill(String(today.getMonth() + 1));
    await lens.locator("#lens-fu-on-year").fill(String(today.getFullYear()));
    await lens.locator("#lens-fu-who").fill("Jo Bloggs (auditor), Sam Okafor (social worker), Dee Quinn");
    await lens.locator("#lens-fu-text").fill("A fortnightly case consultation until the plan is reviewed.");
    await lens.locator("#lens-fu-by").fill("Dee Quinn");
    assert.deepEqual(await violations(page), [], "the reflective discussion form");
  });
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The reflective discussion is recorded." }).waitFor();
  await allSaved(lens);
  assert.equal(await lens.getByRole("button", { name: "Record the reflective discussion", exact: true }).count(), 0, "recorded once");
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await submitWithAction(page, {
    caseReference: "CF-FU-3", team: "Assessment West", grade: 1, owner: "Ama Mensah",
    due: [1, 1, today.getFullYear() + 2],
  });

  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  const list = lens.locator("section[aria-labelledby=lens-follow-ups-title]");
  await list.waitFor();
  const cases = async () => (await list.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t")[0].trim());
  assert.match(await list.textContent(), /Confirm the corrective action by \d+ \w+ \d{4}/);
  await lens.locator("#lens-fu-filter-owner").fill("ama");
  assert.deepEqual(await cases(), ["CF-FU-3"]);
  await lens.locator("#lens-fu-filter-owner").fill("");
  await lens.locator("#lens-fu-filter-team").selectOption("Assessment East");
  assert.deepEqual(await cases(), ["CF-FU-2", "CF-FU-2"], "the east team's action and confirmation, its discussion done");
  await lens.locator("#lens-fu-filter-due").check();
  assert.deepEqual(await cases(), ["CF-FU-2"], "the action due today; the confirmation is due next month");
  assert.match(await list.textContent(), /Update the child's plan\. Owner: Sam Okafor/);
  assert.doesNotMatch(await list.locator("tbody").textContent(), /Confirm the corrective action/);
  assert.deepEqual(await violations(page), [], "Home's follow-up filtered");
  await shot(page, "07-home-filtered");
  await lens.getByRole("button", { name: "Clear the follow-up filters" }).click();
  assert.ok((await cases()).includes("CF-FU-3"));
  await context.close();
});

test("follow-up is recorded and the audit closed with the keyboard alone on the strict-CSP page", async () => {
  const { page, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const today = new Date();
  await submitWithAction(page, {
    caseReference: "CF-FU-KEYS", team: "Assessment West", grade: 2, owner: "Ama Mensah",
    due: [28, 12, today.getFullYear() + 1],
  });
  const { focused, tabToId, tabToText } = keyboard(page);
  const send = async () => {
    await tabToId("lens-fu-submit");
    await page.keyboard.press("Enter");
    await lens.locator("#lens-fu-recorded").waitFor();
    assert.equal((await focused()).id, "lens-fu-recorded", "focus moves to what was recorded");
    await allSaved(lens);
  };

  await tabToText("Record progress on an action");
  await page.keyboard.press("Enter");
  // The action's present status is chosen; the arrows move to Done.
  await tabToId("lens-fu-status-0");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal((await focused()).id, "lens-fu-status-2");
  await tabToId("lens-fu-by");
  await page.keyboard.type("Ama Mensah");
  await send();

  await tabToText("Confirm the corrective action");
  await page.keyboard.press("Enter");
  await tabToId("lens-fu-on-day");
  await page.keyboard.type(String(today.getDate()));
  await page.keyboard.press("Tab");
  await page.keyboard.type(String(today.getMonth() + 1));
  await page.keyboard.press("Tab");
  await page.keyboard.type(String(today.getFullYear()));
  await tabToId("lens-fu-text");
  await page.keyboard.type("Plan reviewed at the team meeting.");
  await tabToId("lens-fu-by");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Dee Quinn");
  await send();

  await tabToText("Close this audit");
  await page.keyboard.press("Enter");
  await send();
  assert.match(await lens.locator(".lens-summary-list").first().textContent(), /StatusClosed/);
  await context.close();
});

test("two tabs recording follow-up on the same audit keep both: the second loads the saved version and its own is recorded on it", async () => {
  const context = await browser.newContext();
  const { page: first } = await openPage(browser, "index.html", { context });
  await readyEvents(first);
  const a = first.locator("practice-lens");
  const today = new Date();
  await submitWithAction(first, {
    caseReference: "CF-FU-TABS", team: "Assessment West", grade: 2, owner: "Ama Mensah",
    due: [28, 12, today.getFullYear() + 1],
  });
  const { page: second } = await openPage(browser, "index.html", { context });
  await readyEvents(second);
  const b = second.locator("practice-lens");
  await b.getByRole("button", { name: /^Open .*CF-FU-TABS/ }).last().click();
  await b.getByRole("heading", { name: "Record follow-up" }).waitFor();

  await first.bringToFront();
  await record(a, "Record progress on an action", async () => {
    await a.getByLabel("Done", { exact: true }).check();
    await a.locator("#lens-fu-by").fill("Ama Mensah");
  });
  await a.locator("#lens-fu-recorded").waitFor();
  await allSaved(a);

  await second.bringToFront();
  await record(b, "Confirm the corrective action", async () => {
    await b.locator("#lens-fu-on-day").fill(String(today.getDate()));
    await b.locator("#lens-fu-on-month").fill(String(today.getMonth() + 1));
    await b.locator("#lens-fu-on-year").fill(String(today.getFullYear()));
    await b.locator("#lens-fu-text").fill("Plan reviewed at the team meeting.");
    await b.locator("#lens-fu-by").fill("Dee Quinn");
  });
  await b.getByRole("heading", { name: "This audit was changed somewhere else" }).waitFor();
  assert.match(await b.locator(".lens-notification--warning").textContent(), /follow-up you recorded here that it does not have is recorded on it/);
  assert.deepEqual(await violations(second), [], "the conflict warning after follow-up");
  await b.getByRole("button", { name: "Load the saved version" }).click();
  await allSaved(b);
  const recorded = b.getByRole("table", { name: "Follow-up recorded" });
  const rows = await recorded.locator("tbody tr").allInnerTexts();
  assert.equal(rows.length, 2, rows.join("\n"));
  assert.match(rows[0], /Ama Mensah/);
  assert.match(rows[1], /Dee Quinn\s+Corrective action confirmed/);
  await b.getByRole("button", { name: "Close this audit", exact: true }).waitFor();
  await context.close();
});
