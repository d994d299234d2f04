// Reflow (WCAG 2.2 1.4.10): at 320 CSS px wide, the width of 400% zoom, every screen shows all
// its content. Nothing may run past the element's edge, where `contain: content` clips it,
// unless it is inside a region that scrolls sideways and can be reached from the keyboard.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { STANDARDS, cutOff, gradeAndWrite, launch, openPage, openTask, readyEvents, seedGolden, startAudit, typeDate, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

async function checkScreen(page, screen, shots) {
  assert.deepEqual(await cutOff(page), [], `${screen} at 320 px`);
  assert.deepEqual(await violations(page), [], `${screen} at 320 px`);
  if (shots) await page.screenshot({ path: `target/reflow-${screen.replaceAll(" ", "-")}.png`, fullPage: true, caret: "initial" });
}

test("every screen reflows at 320 CSS px with nothing cut off", async () => {
  const shots = Boolean(process.env.LENS_SCREENSHOTS);
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const { page } = await openPage(browser, "index.html", { context });
  await readyEvents(page);
  await seedGolden(page, "practice-lens");
  await page.reload();
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await lens.getByRole("table", { name: "Audits on this device" }).waitFor();
  await checkScreen(page, "home", shots);

  await lens.locator("#lens-filter-status").selectOption("Submitted");
  await checkScreen(page, "home filtered", shots);
  await lens.getByRole("button", { name: "Clear the search and filters" }).click();

  await lens.getByRole("table", { name: "Audits on this device" }).locator("tbody .lens-link-button").first().click();
  await lens.getByRole("button", { name: "Amend this audit" }).waitFor();
  await checkScreen(page, "submitted record", shots);
  await lens.getByRole("button", { name: "Amend this audit" }).click();
  await lens.locator("#lens-amending-banner").waitFor();
  await checkScreen(page, "amending", shots);
  await lens.getByRole("button", { name: "Cancel the amendment" }).click();
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();

  await openTask(page, "practice-lens", "Audit a case");
  await checkScreen(page, "start audit", shots);
  await lens.getByRole("button", { name: "Back to home" }).click();
  await startAudit(page, "practice-lens", "CF-REFLOW", "Jo Bloggs");
  await checkScreen(page, "draft form", shots);
  await lens.getByRole("button", { name: "Continue" }).click();
  await lens.locator(".lens-error-summary").waitFor();
  await checkScreen(page, "draft form with errors", shots);
  await lens.locator("#lens-h-team").fill("Assessment East");
  await lens.locator("#lens-h-audited-previously-1").check();
  await lens.locator("#lens-h-age-band-2").check();
  await lens.locator("#lens-h-strand-0").check();
  await lens.locator("#lens-h-auditor-role-0").check();
  await gradeAndWrite(lens, STANDARDS);
  await lens.locator("#lens-overall-1").check();
  await lens.getByRole("button", { name: "Continue" }).click();
  await lens.locator("#lens-check-title").waitFor();
  await checkScreen(page, "check your answers", shots);
  await lens.getByRole("button", { name: "Submit and lock" }).click();
  await lens.getByRole("heading", { name: "Audit submitted" }).waitFor();
  await checkScreen(page, "submitted panel", shots);
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();

  await openTask(page, "practice-lens", "Moderate an audit");
  await lens.getByRole("table", { name: "Waiting for moderation" }).waitFor();
  await checkScreen(page, "moderation list", shots);
  await lens.getByRole("table", { name: "Waiting for moderation" }).locator("tbody .lens-link-button").first().click();
  await lens.locator("#lens-m-moderator").waitFor();
  await checkScreen(page, "moderation form", shots);
  await lens.locator("#lens-m-moderator").fill("Amira Hussain");
  for (const id of STANDARDS) await lens.locator(`#lens-m-${id}-own-0`).check();
  await lens.locator("#lens-moderation-overall-own-0").check();
  await lens.getByRole("button", { name: "Compare with the auditor's grades" }).click();
  await lens.getByRole("table", { name: "Your grades beside the auditor's" }).waitFor();
  await checkScreen(page, "moderation comparison", shots);
  await lens.getByRole("button", { name: "Back to moderation" }).click();
  await lens.getByRole("button", { name: "Back to home" }).click();

  await openTask(page, "practice-lens", "Reports");
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-09-30");
  await lens.getByText("6 audits completed from 1 April 2026 to 30 September 2026.").waitFor();
  await lens.getByRole("heading", { name: "What the narratives say" }).waitFor();
  await checkScreen(page, "report", shots);
  await lens.getByRole("button", { name: "Write the QA report for this period" }).click();
  await lens.getByRole("heading", { name: "QA report: 1 April 2026 to 30 September 2026" }).waitFor();
  await page.waitForFunction(() => document.querySelector("practice-lens").shadowRoot.querySelector("#lens-qa-good-practice")?.value.length > 0);
  await lens.locator("#lens-qa-good-practice-evidence summary").click();
  await checkScreen(page, "qa report", shots);
  await lens.getByRole("button", { name: "Back to reports" }).click();
  await lens.getByRole("button", { name: "Back to home" }).click();

  await openTask(page, "practice-lens", "Themes");
  await typeDate(lens, "lens-themes-from", "2026-04-01");
  await typeDate(lens, "lens-themes-to", "2026-09-30");
  await lens.getByText("narratives read from 6 audits completed from 1 April 2026 to 30 September 2026.", { exact: false }).waitFor();
  await lens.locator(".lens-theme summary").first().click();
  await checkScreen(page, "themes", shots);
  await lens.getByRole("button", { name: "Back to home" }).click();

  await openTask(page, "practice-lens", "Reflect on my practice");
  await checkScreen(page, "start reflection", shots);
  await page.evaluate(() => document.querySelector("practice-lens").setAttribute("view", "storage"));
  await lens.getByRole("heading", { name: "Data on this device" }).waitFor();
  await checkScreen(page, "storage", shots);
  await context.close();
});

test("the QA desk's screens reflow at 320 CSS px: import, its preview and conflict, the agreement dashboard, a moderated record", async () => {
  const shots = Boolean(process.env.LENS_SCREENSHOTS);
  const { readFile } = await import("node:fs/promises");
  const desk = JSON.parse(await readFile(new URL("../fixtures/bundles/desk.json", import.meta.url), "utf8"));
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const { page } = await openPage(browser, "index.html", { context });
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const choose = async (bundle, name) => {
    await openTask(page, "practice-lens", "Import audits from other devices");
    await lens.getByLabel("Files to import").setInputFiles([{ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) }]);
  };
  await choose(desk, "desk.json");
  await checkScreen(page, "import chooser", shots);
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.getByRole("heading", { name: "What these files would do" }).waitFor();
  await checkScreen(page, "import preview", shots);
  await lens.locator("#lens-import-apply").click();
  await lens.getByRole("heading", { name: /records imported$/ }).waitFor();
  await checkScreen(page, "import done", shots);
  await lens.getByRole("button", { name: "Back to Home" }).click();

  const forked = JSON.parse(JSON.stringify(desk));
  forked.audits[0].audit.case_reference = `${forked.audits[0].audit.case_reference} (laptop copy)`;
  await choose(forked, "forked.json");
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.locator("section.lens-conflict").first().waitFor();
  await checkScreen(page, "import conflict", shots);
  await lens.getByRole("button", { name: "Choose other files" }).click();
  await lens.getByRole("button", { name: "Back to Home" }).click();

  await openTask(page, "practice-lens", "Moderate an audit");
  await lens.getByRole("button", { name: "See how far auditors and moderators agree" }).click();
  await typeDate(lens, "lens-agreement-from", "2026-04-01");
  await typeDate(lens, "lens-agreement-to", "2027-03-31");
  await lens.getByText(/^12 moderations from 1 April 2026/).waitFor();
  await checkScreen(page, "agreement dashboard", shots);
  await lens.getByRole("button", { name: "Back to moderation" }).click();
  await lens.getByRole("button", { name: /: open the audit and its moderation$/ }).first().click();
  await lens.locator(".lens-moderation-record").waitFor();
  await checkScreen(page, "moderated record", shots);
  await context.close();
});

test("the Templates screens reflow at 320 CSS px: the list, a refused document, a checked one, and an audit with the council's teams", async () => {
  const shots = Boolean(process.env.LENS_SCREENSHOTS);
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const { page } = await openPage(browser, "demo/council.html", { context });
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Templates");
  await lens.locator(".lens-tag", { hasText: "In use" }).waitFor();
  await checkScreen(page, "templates", shots);
  const broken = new URL("../fixtures/templates/early-help-audit-broken.json", import.meta.url).pathname;
  await lens.locator("#lens-template-file").setInputFiles(broken);
  await lens.locator("#lens-template-check").click();
  await lens.locator("#lens-template-problems").waitFor();
  await checkScreen(page, "template refused", shots);
  const { readFile } = await import("node:fs/promises");
  const document = JSON.parse(await readFile(new URL("../../web/templates/early-help-audit.json", import.meta.url), "utf8"));
  const other = JSON.stringify({ ...document, id: "northshire-reflow-check", title: "A council template with a long title that has to wrap at 320 pixels" });
  await lens.locator("#lens-template-file").setInputFiles({ name: "a-council-template-with-a-long-file-name.json", mimeType: "application/json", buffer: Buffer.from(other) });
  await lens.locator("#lens-template-check").click();
  await lens.locator("#lens-template-summary").waitFor();
  await checkScreen(page, "template checked", shots);
  await lens.getByRole("button", { name: "Back to Home" }).click();
  await startAudit(page, "practice-lens", "EH-1", "Priya Shah", "Early help case audit (Northshire)");
  await lens.locator("#lens-h-team-0").waitFor();
  await checkScreen(page, "council template audit", shots);
  await context.close();
});
