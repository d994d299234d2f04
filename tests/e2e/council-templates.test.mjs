// A council's own template and lists, without a rebuild: the template the page's config names is
// fetched from the page's own site, checked and offered; a broken document is refused with every
// problem and its place listed; a good one is added from a file (with the keyboard alone on the
// strict-CSP page) and used for an audit whose team is chosen from the configured list; audits
// keep their template when the page stops naming it. Every state is checked with axe-core.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { allSaved, continueAndLock, foreignRequests, keyboard, launch, openPage, openTask, readyEvents, typeDate, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/council-templates/", import.meta.url);
const BROKEN = new URL("../fixtures/templates/early-help-audit-broken.json", import.meta.url).pathname;
const EARLY_HELP = JSON.parse(await readFile(new URL("../../web/templates/early-help-audit.json", import.meta.url), "utf8"));
// A second council template, as a council's QA officer would write it.
const MISSING = JSON.stringify({
  ...EARLY_HELP,
  id: "northshire-missing-episodes-review",
  title: "Missing episodes review (Northshire)",
  kind: "practice_review",
  sections: [{ id: "missing", title: "Missing from home or care", items: [
    { id: "return-interview", prompt: "A return home interview was offered within 72 hours", grade: "required", narrative: "required_below_good" },
  ] }],
});
const TEAMS = ["Assessment", "Children in Care", "Disabled Children", "Early Help", "Leaving Care"];

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

async function noViolations(page, state) {
  assert.deepEqual(await violations(page), [], state);
}

test("a council template named in config is offered, a broken one is refused with every problem, and an audit uses it with a team from the list", async () => {
  const { page, record } = await openPage(browser, "demo/council.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");

  await openTask(page, "practice-lens", "Templates");
  await lens.locator(".lens-tag", { hasText: "In use" }).waitFor();
  const offered = await lens.locator("table tbody tr").allInnerTexts();
  assert.ok(offered.some((row) => /Early help case audit \(Northshire\)\s+Audit of a child's case\s+1\s+Your council/.test(row)), offered.join("\n"));
  assert.ok(offered.some((row) => /^Case file audit\s+Audit of a child's case\s+2\s+Practice Lens/.test(row)), offered.join("\n"));
  assert.match(await lens.locator("#lens-templates-older").innerText(), /Case file audit version 1/);
  await shot(page, "01-templates-from-config");
  await noViolations(page, "the Templates page");

  // "Check" with no file says what to do.
  await lens.locator("#lens-template-check").click();
  await lens.locator("#lens-template-file-error").filter({ hasText: "Select a template file" }).waitFor();
  await noViolations(page, "no file chosen");

  // A broken document: every problem with its place; nothing is kept.
  await lens.locator("#lens-template-file").setInputFiles(BROKEN);
  await lens.locator("#lens-template-check").click();
  const summary = lens.locator(".lens-error-summary");
  await summary.filter({ hasText: "early-help-audit-broken.json cannot be used: 5 problems" }).waitFor();
  const problems = await lens.locator("#lens-template-problems li").allInnerTexts();
  for (const place of ["scale.grades[1].code", "sections[0].title", "sections[0].items[0].narrative", "overall.limiting_items[0]"]) {
    assert.ok(problems.some((problem) => problem.startsWith(place)), `${place} in ${problems.join(" | ")}`);
  }
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.className), "lens-error-summary");
  await shot(page, "02-broken-template-refused");
  await noViolations(page, "a refused template");

  // A good one: what it holds is shown, then it is added, and once only.
  await lens.locator("#lens-template-file").setInputFiles({ name: "missing-episodes.json", mimeType: "application/json", buffer: Buffer.from(MISSING) });
  await lens.locator("#lens-template-check").click();
  await lens.locator("#lens-template-checked").filter({ hasText: "missing-episodes.json is a template Practice Lens can use" }).waitFor();
  assert.match(await lens.locator("#lens-template-summary").innerText(), /Missing episodes review \(Northshire\)[\s\S]*Practice review[\s\S]*Missing from home or care \(1 item\)/);
  await shot(page, "03-template-checked");
  await noViolations(page, "a checked template");
  await lens.locator("#lens-template-keep").click();
  await lens.getByText("Template added").waitFor();
  await noViolations(page, "a template added");
  await lens.getByRole("button", { name: "Add another template" }).click();
  await lens.locator("#lens-template-file").setInputFiles({ name: "again.json", mimeType: "application/json", buffer: Buffer.from(MISSING) });
  await lens.locator("#lens-template-check").click();
  await lens.getByText("This template is here already").waitFor();
  // The same id and version with other content is refused: audits keep what they were made with.
  await lens.getByRole("button", { name: "Choose another file" }).click();
  const changed = JSON.stringify({ ...JSON.parse(MISSING), title: "Missing episodes review" });
  await lens.locator("#lens-template-file").setInputFiles({ name: "changed.json", mimeType: "application/json", buffer: Buffer.from(changed) });
  await lens.locator("#lens-template-check").click();
  await lens.locator("#lens-template-problems li").filter({ hasText: /^version .*give the changed template version 2/ }).waitFor();

  // Starting an audit offers the council's templates; the team is chosen from the council's list.
  await lens.getByRole("button", { name: "Back to Home" }).click();
  await openTask(page, "practice-lens", "Audit a case");
  await lens.getByLabel("Missing episodes review (Northshire)", { exact: true }).waitFor();
  await lens.locator("#lens-case-reference").fill("EH-2041");
  await lens.locator("#lens-auditor").fill("Priya Shah");
  await lens.getByLabel("Early help case audit (Northshire)", { exact: true }).check();
  await lens.getByRole("button", { name: "Start audit" }).click();
  await lens.getByRole("button", { name: "Back to audits on this device" }).waitFor();
  const teams = await lens.locator("input[id^=lens-h-team-] + label").allInnerTexts();
  assert.deepEqual(teams, TEAMS);
  await lens.locator("#lens-h-team-1").check();
  await lens.locator("#lens-h-auditor-role-1").check();
  for (const item of ["assessment", "plan", "step-up"]) await lens.locator(`#lens-i-${item}-grade-0`).check();
  await lens.locator("#lens-overall-0").check();
  await allSaved(lens);
  await shot(page, "04-early-help-audit");
  await noViolations(page, "an audit with a council template");
  await continueAndLock(lens);
  await allSaved(lens);
  assert.match(await lens.locator(".lens-app").innerText(), /Children in Care/);

  // Reports count it by the auditor's role, against one audit a month (the page's config).
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await openTask(page, "practice-lens", "Reports");
  const byRole = lens.locator("tr", { hasText: "Auditor's role: Service manager" });
  await byRole.first().waitFor();
  assert.match(await byRole.first().innerText(), /Audits completed\s+Auditor's role: Service manager\s+1/);
  // Over the last three months, one audit is expected for each month that is not paused (August
  // and December).
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth() - 2, 1);
  const iso = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  await typeDate(lens, "lens-report-from", iso(start));
  await typeDate(lens, "lens-report-to", iso(now));
  const active = [0, 1, 2].map((back) => new Date(now.getFullYear(), now.getMonth() - back, 1).getMonth() + 1).filter((month) => month !== 8 && month !== 12).length;
  const startWords = start.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  await lens.getByText(`1 audit completed from ${startWords} to`, { exact: false }).waitFor();
  const rows = await lens.locator("tr", { hasText: "Audits completed against expected" }).allInnerTexts();
  const whole = `Audits completed against expected\tAuditor: Priya Shah\t1\t${active}\t`;
  assert.ok(rows.some((row) => row.startsWith(whole)), `${whole} in\n${rows.join("\n")}`);
  await shot(page, "04b-reports-by-role");
  await lens.getByRole("button", { name: "Back to home" }).click();

  // A built-in template on this page offers the council's strands and teams.
  await openTask(page, "practice-lens", "Audit a case");
  await lens.locator("#lens-case-reference").fill("CF-1001");
  await lens.locator("#lens-auditor").fill("Priya Shah");
  await lens.getByLabel("Case file audit", { exact: true }).check();
  await lens.getByRole("button", { name: "Start audit" }).click();
  await lens.getByRole("button", { name: "Back to audits on this device" }).waitFor();
  assert.equal(await lens.locator("label[for=lens-h-strand-0]").innerText(), "Early help");
  assert.equal(await lens.locator("label[for=lens-h-strand-4]").innerText(), "Safeguarding partnership");
  assert.equal(await lens.locator("label[for=lens-h-team-0]").innerText(), "Assessment");

  // The page stops naming the template: it is kept on the device and its audit still opens.
  await page.reload({ waitUntil: "domcontentloaded" });
  await readyEvents(page);
  await page.evaluate(() => {
    const element = document.querySelector("practice-lens");
    const config = JSON.parse(element.getAttribute("config"));
    delete config.templates;
    element.setAttribute("config", JSON.stringify(config));
  });
  await lens.getByRole("button", { name: /EH-2041/ }).first().click();
  await lens.getByText("Early help case audit (Northshire)").first().waitFor();
  assert.match(await lens.locator(".lens-app").innerText(), /Children in Care/);
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await openTask(page, "practice-lens", "Templates");
  assert.equal(await lens.locator("#lens-templates-configured").count(), 0);
  const kept = await lens.locator("table tbody tr").allInnerTexts();
  assert.ok(kept.some((row) => row.includes("Early help case audit (Northshire)")), kept.join("\n"));
  assert.ok(kept.some((row) => row.includes("Missing episodes review (Northshire)")), kept.join("\n"));
  assert.deepEqual(foreignRequests(record), []);
  assert.deepEqual(record.pageErrors, []);
});

test("a template the page names that is broken or elsewhere is explained above every screen", async () => {
  const { page } = await openPage(browser, "demo/council.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await page.evaluate(() => {
    const element = document.querySelector("practice-lens");
    const config = JSON.parse(element.getAttribute("config"));
    config.templates = ["https://elsewhere.example/audit.json", "../templates/missing.json"];
    element.setAttribute("config", JSON.stringify(config));
  });
  await lens.getByText("2 templates this page names cannot be used").waitFor();
  await shot(page, "05-configured-templates-unusable");
  await noViolations(page, "the warning on Home");
  await openTask(page, "practice-lens", "Templates");
  await lens.getByText(/is not on this page's own site/).waitFor();
  await lens.getByText(/missing\.json could not be fetched \(the site answered 404/).waitFor();
  await shot(page, "06-configured-templates-explained");
  await noViolations(page, "the Templates page explaining them");
});

test("a council template is added with the keyboard alone on the strict-CSP page", async () => {
  const { page } = await openPage(browser, "demo/council.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const { focused, tabToId, tabToText } = keyboard(page);
  await tabToText("Templates");
  await page.keyboard.press("Enter");
  await lens.locator(".lens-tag", { hasText: "In use" }).waitFor();
  await tabToId("lens-template-file");
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles({ name: "missing-episodes.json", mimeType: "application/json", buffer: Buffer.from(MISSING) });
  await tabToId("lens-template-check");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-template-checked").waitFor();
  assert.equal((await focused()).id, "lens-template-checked", "focus moves to what the check found");
  await tabToId("lens-template-keep");
  await page.keyboard.press("Enter");
  await lens.getByText("Template added").waitFor();
  assert.equal((await focused()).text, "Template added");
});

test("a bundle made with a council template brings the template to a device whose page does not name it", async () => {
  const golden = JSON.parse(await readFile(new URL("../fixtures/bundles/golden.json", import.meta.url), "utf8"));
  const audit = golden.audits[0];
  audit.audit.id = "early-help-01";
  audit.audit.template = { id: EARLY_HELP.id, version: EARLY_HELP.version };
  audit.audit.case_reference = "EH-77";
  audit.audit.header = { "audit-date": audit.audit.header["audit-date"], team: "Early Help" };
  audit.audit.responses = Object.fromEntries(["assessment", "plan", "step-up"].map((id) => [id, { grade: "G", narrative: "" }]));
  audit.audit.overall = "G";
  const bundle = { ...golden, templates: [EARLY_HELP], audits: [audit], moderations: [] };

  const { page } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Import audits from other devices");
  await lens.getByLabel("Files to import").setInputFiles([{ name: "early-help.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) }]);
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.locator("#lens-import-templates").waitFor();
  assert.match(await lens.locator("[aria-labelledby=lens-import-templates]").innerText(), /Early help case audit \(Northshire\) version 1/);
  await shot(page, "07-import-brings-template");
  await noViolations(page, "an import preview bringing a template");
  await lens.locator("#lens-import-apply").click();
  await lens.getByRole("heading", { name: /imported$/ }).waitFor();
  await lens.getByRole("button", { name: "Back to Home" }).click();
  await lens.getByRole("button", { name: /EH-77/ }).first().click();
  await lens.getByText("Early help case audit (Northshire)").first().waitFor();
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await openTask(page, "practice-lens", "Templates");
  const rows = await lens.locator("table tbody tr").allInnerTexts();
  assert.ok(rows.some((row) => /Early help case audit \(Northshire\)[\s\S]*Your council/.test(row)), rows.join("\n"));
});
