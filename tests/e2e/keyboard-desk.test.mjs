// The QA desk's whole journey with the keyboard alone, on the strict-CSP page: three auditors'
// bundles imported, a moderation sample drawn and saved, one of its audits moderated blind and
// agreed, and the agreement dashboard opened on the result.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { keyboard, launch, openPage, readyEvents } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const DESK = JSON.parse(await readFile(new URL("../fixtures/bundles/desk.json", import.meta.url), "utf8"));

// One bundle per auditor, holding only their audits (no moderations: the journey makes one).
function auditorsFile(auditor) {
  const audits = DESK.audits.filter((entry) => entry.audit.auditor === auditor);
  const text = JSON.stringify({ ...DESK, audits, moderations: [] });
  return { name: `${auditor.toLowerCase().replace(" ", "-")}.json`, mimeType: "application/json", buffer: Buffer.from(text) };
}

test("from three auditors' bundles to agreed grades and the agreement dashboard, with the keyboard alone", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  const { tabToId, tabToText, tabTo } = keyboard(page);

  await tabToId("lens-task-import");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Import audits from other devices" }).waitFor();
  await tabToId("lens-import-files");
  // The keyboard reaches the file input; the file dialog it opens is the browser's own, so
  // the files are given to the focused input as that dialog would.
  const input = lens.locator("#lens-import-files");
  assert.equal(await input.evaluate((element) => element === element.getRootNode().activeElement && element.type), "file");
  await input.setInputFiles(["Sam Patel", "Priya Shah", "Dev Singh"].map(auditorsFile));
  await tabToId("lens-import-check");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "What these files would do" }).waitFor();
  await tabToId("lens-import-apply");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "87 records imported" }).waitFor();

  await tabToText("Back to Home");
  await page.keyboard.press("Enter");
  await tabToId("lens-task-moderate");
  await page.keyboard.press("Enter");
  await tabToText("Draw a moderation sample");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Draw a moderation sample" }).waitFor();
  await tabToId("lens-sample-by");
  await page.keyboard.type("Amira Hussain");
  for (const [stem, day, month, year] of [["lens-sample-from", "1", "4", "2026"], ["lens-sample-to", "31", "3", "2027"]]) {
    await tabToId(`${stem}-day`);
    await page.keyboard.type(day);
    await tabToId(`${stem}-month`);
    await page.keyboard.type(month);
    await tabToId(`${stem}-year`);
    await page.keyboard.type(year);
  }
  await tabToText("Draw the sample");
  await page.keyboard.press("Enter");
  await lens.locator("#lens-sample-drawn").waitFor();
  await tabToText("Save this sample");
  await page.keyboard.press("Enter");
  const sample = lens.locator("section.lens-sample").first();
  await sample.waitFor();
  assert.match(await sample.innerText(), /Drawn by Amira Hussain on .*\. 0 of \d+ moderated\./);

  await tabTo((element) => /^Moderate CF-/.test(element.text), "a sampled audit's Moderate button");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: /^Moderate: / }).waitFor();
  assert.equal(await lens.getByText(/The auditor's grade:/).count(), 0, "blind until the moderator has graded");
  const standards = await page.evaluate(() =>
    [...document.querySelector("practice-lens").shadowRoot.querySelectorAll("input[id^='lens-m-'][id$='-own-0']")].map((input) =>
      input.id.replace(/^lens-m-/, "").replace(/-own-0$/, ""),
    ),
  );
  assert.ok(standards.length >= 4, standards.join(", "));
  await tabToId("lens-m-moderator");
  await page.keyboard.type("Amira Hussain");
  for (const id of standards) {
    await tabToId(`lens-m-${id}-own-0`);
    await page.keyboard.press("Space");
  }
  await tabToId("lens-moderation-overall-own-0");
  await page.keyboard.press("Space");
  await tabToText("Compare with the auditor's grades");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Compare and agree the grades" }).waitFor();
  await lens.getByText(/^The auditor's grade:/).first().waitFor();
  for (const id of [...standards.map((id) => `lens-m-${id}`), "lens-moderation-overall"]) {
    await tabToId(`${id}-agreed-0`);
    await page.keyboard.press("Space");
    await tabToId(`${id}-rationale`);
    await page.keyboard.type("Stronger than recorded.");
  }
  await tabToText("Complete moderation");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Moderation saved" }).waitFor();

  await tabToText("Back to moderation");
  await page.keyboard.press("Enter");
  assert.match(await lens.locator("section.lens-sample").first().innerText(), /1 of \d+ moderated\./);
  await tabToText("See how far auditors and moderators agree");
  await page.keyboard.press("Enter");
  await lens.getByRole("heading", { name: "Agreement at moderation" }).waitFor();
  await lens.getByText(/1 moderation/).first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(record.pageErrors, []);
});
