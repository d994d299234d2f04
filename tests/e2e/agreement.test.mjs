// The QA desk end to end on the strict-CSP page: a council's bundle imported, a moderated
// audit's record, and the agreement dashboard whose figures are `lens agreement`'s on the same
// bundle (tests/fixtures/bundles/desk-agreement.json, checked against the command natively).

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { launch, openPage, openTask, readyEvents, typeDate, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const DESK = await readFile(new URL("../fixtures/bundles/desk.json", import.meta.url));
const EXPECTED = JSON.parse(await readFile(new URL("../fixtures/bundles/desk-agreement.json", import.meta.url), "utf8"));
const SCREENSHOTS = process.env.LENS_SCREENSHOTS === "1";

// Imports the desk bundle through the import screen of the instance on `page`.
async function importDesk(page) {
  const lens = page.locator("practice-lens").first();
  await openTask(page, "practice-lens >> nth=0", "Import audits from other devices");
  await lens.getByLabel("Files to import").setInputFiles([{ name: "desk.json", mimeType: "application/json", buffer: DESK }]);
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.getByRole("button", { name: "Import 132 records" }).click();
  await lens.getByRole("heading", { name: "132 records imported" }).waitFor();
  await lens.getByRole("button", { name: "Back to Home" }).click();
  return lens;
}

test("the agreement dashboard shows the engine's figures for the imported moderations, and passes axe", async () => {
  const { page, record } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = await importDesk(page);
  await openTask(page, "practice-lens", "Moderate an audit");
  await lens.getByRole("button", { name: "See how far auditors and moderators agree" }).click();
  await lens.getByRole("heading", { name: "Agreement at moderation" }).waitFor();
  // The default period is the last twelve months; the generated moderations are from 2026-27.
  await typeDate(lens, "lens-agreement-from", "2026-04-01");
  await typeDate(lens, "lens-agreement-to", "2027-03-31");
  await lens.getByText(`12 moderations from 1 April 2026 to 31 March 2027: ${EXPECTED.n_units} standards compared.`).waitFor();

  const row = async (name) => (await lens.locator("table:has(#lens-agreement-statistics) tr", { hasText: name }).first().innerText()).split("\t");
  const kappa = await row("Weighted kappa (quadratic)");
  assert.equal(kappa[1].trim(), EXPECTED.weighted_kappa_quadratic.toFixed(2));
  const interval = EXPECTED.intervals.weighted_kappa_quadratic;
  assert.equal(kappa[2].trim(), `${interval.lower.toFixed(2)} to ${interval.upper.toFixed(2)}`);
  const exact = await row("Exact agreement");
  assert.equal(exact[1].trim(), `${Math.round(EXPECTED.percent_agreement * 100)}%`);
  const alpha = await row("Krippendorff's alpha (ordinal)");
  assert.equal(alpha[1].trim(), EXPECTED.krippendorff_alpha_ordinal.toFixed(2));

  const cells = await lens.locator("table.lens-heat-map tbody td").allInnerTexts();
  assert.deepEqual(cells.map(Number), EXPECTED.confusion_matrix.counts.flat(), "the heat map writes every count");
  for (const diagnostic of EXPECTED.diagnostics) await lens.getByText(diagnostic.message, { exact: true }).first().waitFor();
  assert.ok((await lens.locator("figure.lens-chart svg[role=img]").count()) >= 1, "each auditor's quarters as a chart");
  assert.deepEqual(await violations(page), [], "the dashboard");
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-agreement.png", fullPage: true, caret: "initial" });

  // A moderator's own moderations, then a period with none, which is said in words.
  const tomasz = JSON.parse(DESK).moderations.filter((entry) => entry.moderation.moderator === "Tomasz Nowak").length;
  await lens.locator("#lens-agreement-moderator").selectOption("Tomasz Nowak");
  await lens.getByText(new RegExp(`^${tomasz} moderations from 1 April 2026`)).waitFor();
  await typeDate(lens, "lens-agreement-to", "2026-04-02");
  await lens.getByText(/^No moderations were made from 1 April 2026 to 2 April 2026 with these filters/).waitFor();
  assert.deepEqual(await violations(page), [], "the dashboard with nothing to show");
  assert.deepEqual(record.pageErrors, []);
});

test("a seeded sample drawn twice gives the same audits, is saved, and its audits are moderated blind", async () => {
  const { page, record } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = await importDesk(page);
  await openTask(page, "practice-lens", "Moderate an audit");
  await lens.getByText("No sample has been drawn on this device.", { exact: false }).waitFor();
  await lens.getByRole("button", { name: "Draw a moderation sample" }).click();
  await lens.getByRole("heading", { name: "Draw a moderation sample" }).waitFor();
  assert.deepEqual(await violations(page), [], "the sample form");

  // Every problem at once, each at its field.
  await lens.locator("#lens-sample-per").fill("0");
  await lens.locator("#lens-sample-seed").fill("");
  await lens.getByRole("button", { name: "Draw the sample" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  assert.deepEqual(await summary.locator("a").allTextContents(), [
    "Enter your name: a sample records who drew it",
    "Enter how many of each auditor's audits to draw, 1 or more",
    "Enter the seed as a whole number, for example 4821",
  ]);
  assert.deepEqual(await violations(page), [], "the sample form with its errors");

  await lens.locator("#lens-sample-by").fill("Amira Hussain");
  await typeDate(lens, "lens-sample-from", "2026-04-01");
  await typeDate(lens, "lens-sample-to", "2027-03-31");
  await lens.locator("#lens-sample-per").fill("1");
  await lens.getByLabel("Each quarter").check();
  const drawWith = async (seed) => {
    await lens.locator("#lens-sample-seed").fill(String(seed));
    await lens.getByRole("button", { name: "Draw the sample" }).click();
    await lens.locator("#lens-sample-drawn").waitFor();
    return lens.locator("table:has(#lens-sample-drawn-table) tbody th").allInnerTexts();
  };
  const first = await drawWith(4821);
  assert.ok(first.length >= 4, `one of each auditor's audits a quarter: ${first.length}`);
  assert.deepEqual(await drawWith(4821), first, "the same seed draws the same audits");
  assert.notDeepEqual(await drawWith(4822), first, "another seed draws others");
  assert.deepEqual(await drawWith(4821), first);
  assert.match(await lens.locator("#lens-sample-drawn").innerText(), new RegExp(`^${first.length} audits drawn: 1 of each auditor's audits a quarter`));
  assert.deepEqual(await violations(page), [], "the drawn sample");
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-sample.png", fullPage: true, caret: "initial" });
  await lens.getByRole("button", { name: "Save this sample" }).click();

  await lens.getByRole("heading", { name: "Moderate an audit" }).waitFor();
  const sample = lens.locator("section.lens-sample").first();
  assert.match(await sample.innerText(), new RegExp(`Drawn by Amira Hussain on .*, seed 4821\\. 0 of ${first.length} moderated\\.`));
  assert.deepEqual(await violations(page), [], "the moderation list with its sample");
  await sample.getByRole("button", { name: `Moderate ${first[0]}` }).click();
  await lens.getByRole("heading", { name: "Moderate: Case file audit (Ofsted four-point scale)" }).waitFor();
  // Blind: no auditor's grade shows until the moderator has given their own.
  assert.equal(await lens.getByText(/The auditor's grade:/).count(), 0);
  assert.deepEqual(record.pageErrors, []);
});

test("a sample chosen by hand holds the audits ticked, a page at a time, and is saved as chosen by hand", async () => {
  const { page, record } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = await importDesk(page);
  await openTask(page, "practice-lens", "Moderate an audit");
  await lens.getByRole("button", { name: "Draw a moderation sample" }).click();
  await lens.locator("#lens-sample-by").fill("Amira Hussain");
  await typeDate(lens, "lens-sample-from", "2026-04-01");
  await typeDate(lens, "lens-sample-to", "2027-03-31");
  await lens.getByLabel("Audits I choose myself").check();
  await lens.getByRole("button", { name: "Draw the sample" }).click();
  const heading = lens.locator("#lens-sample-drawn");
  await heading.waitFor();
  const offered = Number((await heading.innerText()).match(/^(\d+) audits you can choose/)[1]);
  assert.ok(offered > 25, `more than a page to choose from: ${offered}`);
  // Nothing ticked: saving says what to do and saves nothing.
  await lens.getByRole("button", { name: "Save this sample (no audit chosen yet)" }).click();
  await lens.getByText("The sample was not saved: tick at least one audit to moderate.").waitFor();
  const table = lens.getByRole("table", { name: "Audits you can choose" });
  const boxes = table.getByRole("checkbox");
  assert.equal(await boxes.count(), 25, "a page at a time");
  const firstCase = (await table.locator("tbody tr").first().locator("label").innerText()).replace(/^\s*Choose\s*/, "").trim();
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await boxes.nth(2).uncheck();
  await lens.getByRole("button", { name: "Next page" }).click();
  await table.getByRole("checkbox").first().check();
  await lens.getByText("2 audits chosen", { exact: true }).waitFor();
  assert.deepEqual(await violations(page), [], "choosing a sample by hand");
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-sample-by-hand.png", fullPage: true, caret: "initial" });
  await lens.getByRole("button", { name: "Save this sample (2 audits chosen)" }).click();

  await lens.getByRole("heading", { name: "Moderate an audit" }).waitFor();
  const sample = lens.locator("section.lens-sample").first();
  assert.match(await sample.innerText(), /^Audits chosen by hand/);
  assert.match(await sample.innerText(), /Drawn by Amira Hussain on [^,]*\. 0 of 2 moderated\./, "no seed for a sample chosen by hand");
  await sample.getByRole("button", { name: `Moderate ${firstCase}` }).waitFor();
  assert.deepEqual(record.pageErrors, []);
});
