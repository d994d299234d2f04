// The findings shared and answered: a submitted audit's findings summary printed on its own and
// downloaded; who it went to recorded; the line manager's management response whose directions
// become tracked actions, followed to done before the audit closes; the discussion with the case
// holder; all of it in the JSON and CSV exports. The management response is given with the
// keyboard alone on the strict-CSP page. Every state is checked with axe-core.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { allSaved, continueAndLock, gradeAndWrite, keyboard, launch, openPage, openTask, readyEvents, STANDARDS, startAudit, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/findings/", import.meta.url);
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

const today = new Date();
const fillDay = async (lens, stem, date = today) => {
  await lens.locator(`#${stem}-day`).fill(String(date.getDate()));
  await lens.locator(`#${stem}-month`).fill(String(date.getMonth() + 1));
  await lens.locator(`#${stem}-year`).fill(String(date.getFullYear()));
};

// A case file audit graded requires improvement throughout, with one agreed action, submitted.
async function submitBelowGood(page, caseReference) {
  const lens = page.locator("practice-lens");
  await startAudit(page, "practice-lens", caseReference, "Jo Bloggs");
  await lens.locator("#lens-h-team").fill("Assessment West");
  await lens.locator("#lens-h-audited-previously-1").check();
  await lens.locator("#lens-h-age-band-2").check();
  await lens.locator("#lens-h-strand-0").check();
  await lens.locator("#lens-h-auditor-role-0").check();
  await gradeAndWrite(lens, STANDARDS, 2);
  await lens.locator("#lens-overall-2").check();
  await lens.getByRole("button", { name: /^Add (an|another) action$/ }).click();
  await lens.locator("#lens-a-0-what").fill("Update the child's plan");
  await lens.locator("#lens-a-0-owner").fill("Ama Mensah");
  await lens.locator("#lens-a-0-due_on-day").fill("28");
  await lens.locator("#lens-a-0-due_on-month").fill("12");
  await lens.locator("#lens-a-0-due_on-year").fill(String(today.getFullYear() + 1));
  await allSaved(lens);
  await continueAndLock(lens);
  await allSaved(lens);
}

async function open(lens, form) {
  await lens.getByRole("button", { name: form, exact: true }).click();
  await lens.locator("#lens-fu-form-title").filter({ hasText: form }).waitFor();
}

test("findings are printed, downloaded and shared, the management response's directions become actions followed to closed, and the case holder's view is recorded", async () => {
  const { page, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await submitBelowGood(page, "CF-FIND-1");

  // The findings summary, shown on the audit and printed on its own.
  const findings = lens.locator("section[aria-labelledby=lens-findings-title]");
  await findings.getByRole("heading", { name: "Findings of the case file audit of case CF-FIND-1" }).waitFor();
  assert.match(await findings.textContent(), /Not yet recorded as shared/);
  await findings.getByText("Show the findings summary").click();
  assert.match(await findings.textContent(), /Overall: Does not meet good/);
  assert.deepEqual(await violations(page), [], "the findings summary opened");
  await shot(page, "01-summary");
  await page.evaluate(() => {
    window.printedOnlyFindings = [];
    window.print = () => {
      const root = document.querySelector("practice-lens").shadowRoot;
      window.printedOnlyFindings.push(Boolean(root.querySelector(".lens-findings-summary--printing .lens-findings-summary__printed")));
    };
  });
  await lens.getByRole("button", { name: "Print the findings summary" }).click();
  await page.waitForFunction(() => window.printedOnlyFindings.length === 1);
  assert.deepEqual(await page.evaluate(() => window.printedOnlyFindings), [true], "printed with the summary open and marked");
  // In print, the summary marked for printing is all that shows of the audit page.
  await findings.getByText("Show the findings summary").click();
  await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.querySelector(".lens-findings-summary").classList.add("lens-findings-summary--printing"));
  await page.emulateMedia({ media: "print" });
  assert.equal(await lens.getByRole("heading", { name: "Record follow-up" }).isVisible(), false, "the follow-up panel is left out");
  assert.equal(await lens.locator(".lens-summary-list").first().isVisible(), false, "the audit record is left out");
  assert.equal(await findings.getByText("What was found").isVisible(), true, "the findings show");
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.querySelector(".lens-findings-summary").classList.remove("lens-findings-summary--printing"));

  const [text] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download the findings summary" }).click()]);
  assert.equal(text.suggestedFilename(), "findings-CF-FIND-1.txt");
  const summary = await readFile(await text.path(), "utf8");
  assert.match(summary, /^Findings of the case file audit of case CF-FIND-1\n\nAudited by Jo Bloggs on \d+ \w+ \d{4}\.\nOverall: Does not meet good\./);
  assert.match(summary, /\nActions\n- Update the child's plan\. Owner: Ama Mensah, due by 28 December \d{4} \(not started\)\n/);

  // Who the findings went to: refused with no one chosen, then a name for each role ticked.
  await open(lens, "Record who the findings were shared with");
  await lens.locator("#lens-fu-by").fill("Jo Bloggs");
  await lens.locator("#lens-fu-submit").click();
  const errors = lens.locator(".lens-error-summary");
  await errors.waitFor();
  assert.deepEqual(await errors.locator("a").allTextContents(), [
    "Enter the day the findings were shared",
    "Choose who the findings were shared with",
  ]);
  assert.deepEqual(await violations(page), [], "sharing with its errors");
  await lens.getByLabel("Practitioner", { exact: true }).check();
  await lens.getByLabel("IRO or independent chair", { exact: true }).check();
  await lens.getByLabel("Name of the practitioner").fill("Sam Okafor");
  await fillDay(lens, "lens-fu-on");
  await lens.locator("#lens-fu-submit").click();
  await errors.locator("a", { hasText: "Enter the name of the IRO or independent chair" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-fu-recipient-independent-chair-name");
  await shot(page, "02-share-errors");
  await lens.getByLabel("Name of the IRO or independent chair").fill("Jo Reid");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "Who the findings were shared with is recorded." }).waitFor();
  await allSaved(lens);
  assert.match(await findings.textContent(), /Shared on \d+ \w+ \d{4} with Sam Okafor \(practitioner\), Jo Reid \(IRO or independent chair\)\./);

  // The case holder's view, recorded without an answer on the grades first.
  await open(lens, "Record the discussion with the case holder");
  await fillDay(lens, "lens-fu-on");
  await lens.locator("#lens-fu-text").fill("Accepts the plan lacked timescales; felt the workload was the cause.");
  await lens.locator("#lens-fu-submit").click();
  assert.deepEqual(await errors.locator("a").allTextContents(), ["Say whether the grades were discussed with the case holder"]);
  await lens.locator("#lens-fu-grades-0").check();
  assert.deepEqual(await violations(page), [], "the case-holder discussion form");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The discussion with the case holder is recorded." }).waitFor();
  await allSaved(lens);
  const recorded = lens.getByRole("table", { name: "Follow-up recorded" });
  assert.match(await recorded.textContent(), /Discussed with the case holder on \d+ \w+ \d{4}: the grades were discussed\. The case holder said: Accepts the plan/);

  // The child's and a parent's views, shown beside the grades.
  const views = lens.locator("section[aria-labelledby=lens-views-title]");
  assert.match(await views.textContent(), /No view from the child or family is recorded yet/);
  await open(lens, "Record the child's or family's view");
  await fillDay(lens, "lens-fu-on");
  await lens.locator("#lens-fu-how").fill("Seen alone at school");
  await lens.locator("#lens-fu-text").fill("I want to see my dad more. Nobody told me why the plan changed.");
  await lens.locator("#lens-fu-submit").click();
  assert.deepEqual(await errors.locator("a").allTextContents(), ["Choose whose view this is"]);
  await lens.getByLabel("The child or young person", { exact: true }).check();
  assert.deepEqual(await violations(page), [], "the family view form");
  await shot(page, "03-view-form");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The view is recorded beside the grades." }).waitFor();
  await allSaved(lens);
  await open(lens, "Record the child's or family's view");
  await lens.getByLabel("A parent or carer", { exact: true }).check();
  await fillDay(lens, "lens-fu-on");
  await lens.locator("#lens-fu-how").fill("Phone call with mother");
  await lens.locator("#lens-fu-text").fill("The social worker listens, but visits are often cancelled.");
  await lens.locator("#lens-fu-response").fill("Visits moved to a fixed weekly slot.");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The view is recorded beside the grades." }).waitFor();
  await allSaved(lens);
  assert.match(await views.textContent(), /The child or young person \d+ \w+ \d{4} \(Seen alone at school\)I want to see my dad more/);
  assert.match(await views.textContent(), /The worker's response: Visits moved to a fixed weekly slot\./);

  // The management response, given with the keyboard alone: one direction with a date that is
  // not a date, put right, then a second added.
  const { focused, tabToId, tabToText } = keyboard(page);
  await lens.getByRole("button", { name: "Back to audits on this device" }).focus();
  await tabToText("Record the management response");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-fu-form-title").filter({ hasText: "Record the management response" }).waitFor();
  await tabToId("lens-fu-on-day");
  for (const part of [String(today.getDate()), String(today.getMonth() + 1), String(today.getFullYear())]) {
    await page.keyboard.type(part);
    await page.keyboard.press("Tab");
  }
  assert.equal((await focused()).id, "lens-fu-text");
  await page.keyboard.type("Agree with the findings: the plan needs timescales and the child's voice.");
  await tabToId("lens-fu-direction-0-what");
  await page.keyboard.type("See the child alone and record their views");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Sam Okafor");
  await page.keyboard.press("Tab");
  await page.keyboard.type("31");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  await page.keyboard.type(String(today.getFullYear() + 1));
  await tabToText("Add another direction");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-fu-direction-1-what").waitFor();
  await tabToId("lens-fu-direction-1-what");
  await page.keyboard.type("Bring the chronology up to date");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Sam Okafor");
  await page.keyboard.press("Tab");
  await page.keyboard.type("1");
  await page.keyboard.press("Tab");
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  await page.keyboard.type(String(today.getFullYear() + 1));
  await tabToId("lens-fu-by");
  await page.keyboard.type("Ama Mensah");
  await tabToId("lens-fu-submit");
  await page.keyboard.press("Enter");
  await errors.waitFor();
  assert.deepEqual(await errors.locator("a").allTextContents(), [
    "Enter the day direction 1 is to be done by as a real date, for example 27 3 2026",
  ]);
  assert.deepEqual(await violations(page), [], "the management response with its error");
  await shot(page, "04-response-error");
  await tabToText("Enter the day direction 1 is to be done by as a real date, for example 27 3 2026");
  await page.keyboard.press("Enter");
  assert.equal((await focused()).id, "lens-fu-direction-0-due-day");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("28");
  await tabToId("lens-fu-submit");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-fu-recorded").waitFor();
  assert.equal((await focused()).id, "lens-fu-recorded", "focus moves to what was recorded");
  assert.match(await lens.locator("#lens-fu-recorded").textContent(), /each direction is now an action to follow up/);
  await allSaved(lens);
  assert.match(await recorded.textContent(), /Management response on \d+ \w+ \d{4} \(2 directions, now actions\): Agree with the findings/);
  assert.match(await findings.textContent(), /See the child alone and record their views\. Owner: Sam Okafor, due by 28 February \d{4} \(not started\)/);

  // The directions keep the audit open until each is done.
  assert.equal(await lens.getByRole("button", { name: "Close this audit", exact: true }).count(), 0);
  for (const direction of ["Update the child's plan", "See the child alone", "Bring the chronology"]) {
    await open(lens, "Record progress on an action");
    await lens.getByLabel(new RegExp(`^${direction}`)).check();
    await lens.getByLabel("Done", { exact: true }).check();
    await lens.locator("#lens-fu-submit").click();
    await lens.locator("#lens-fu-recorded").filter({ hasText: "The action's progress is recorded." }).waitFor();
    await allSaved(lens);
  }
  await open(lens, "Confirm the corrective action");
  await fillDay(lens, "lens-fu-on");
  await lens.locator("#lens-fu-text").fill("Directions completed and checked in supervision.");
  await lens.locator("#lens-fu-by").fill("Dee Quinn");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The corrective action is confirmed." }).waitFor();
  await allSaved(lens);
  await open(lens, "Close this audit");
  await lens.locator("#lens-fu-submit").click();
  await lens.locator("#lens-fu-recorded").filter({ hasText: "The audit is closed." }).waitFor();
  await allSaved(lens);
  assert.deepEqual(await violations(page), [], "closed with its findings recorded");
  await shot(page, "05-closed");

  // Everything travels in the exports.
  const [json] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download as JSON" }).click()]);
  const bundle = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(bundle.format_version, 4);
  const audit = bundle.audits[0].audit;
  assert.deepEqual(audit.follow_up.events.map((event) => event.what.kind), [
    "findings_shared", "case_holder_discussion", "family_feedback", "family_feedback", "management_response",
    "action_progress", "action_progress", "action_progress", "corrective_action_confirmed", "closed",
  ]);
  assert.deepEqual(audit.follow_up.events[0].what.recipients, [
    { role: "practitioner", name: "Sam Okafor" }, { role: "independent_chair", name: "Jo Reid" },
  ]);
  assert.deepEqual(audit.actions.slice(1).map((action) => [action.id, action.status, action.due_on.slice(5)]), [["direction-1", "done", "02-28"], ["direction-2", "done", "03-01"]]);
  assert.deepEqual(audit.amendments, [], "none of it is an amendment");
  const [csv] = await Promise.all([page.waitForEvent("download"), lens.getByRole("button", { name: "Download follow-up as CSV" }).click()]);
  const rows = (await readFile(await csv.path(), "utf8")).trim().split("\r\n");
  assert.equal(rows.length, 1 + 10 + 2 + 2, "a row per event, per recipient and per direction");
  assert.match(rows[0], /,text,role,name,owner,due_on,grades_discussed,how_gathered,worker_response$/);
  assert.ok(rows.some((row) => /,family_feedback,,,[\d-]+,,The social worker listens, but visits are often cancelled\.,parent_or_carer,,,,,Phone call with mother,Visits moved to a fixed weekly slot\.$/.test(row.replaceAll('"', ""))), rows.join("\n"));
  assert.ok(rows.some((row) => /,recipient,,,,,,independent_chair,Jo Reid,,,,,$/.test(row)), rows.join("\n"));

  // Reports count the audit with the child's and the family's views recorded.
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await openTask(page, "practice-lens", "Reports");
  const howWell = lens.getByRole("table", { name: "How well did we do it?" });
  await howWell.waitFor();
  const row = async (measure) => (await howWell.locator("tr", { hasText: measure }).first().innerText()).split("\t").map((cell) => cell.trim());
  assert.deepEqual((await row("Audits with the child's view recorded")).slice(1), ["All", "1", "1", "100%"]);
  assert.deepEqual((await row("Audits with a parent's or carer's view recorded")).slice(1), ["All", "1", "1", "100%"]);
  await context.close();
});
