// The host page's methods and the QA desk's exports: importBundle writes what does not conflict
// and lists the rest, exportBundle gives the audits a filter chooses with their moderations,
// the audit list exports its filtered set (logged as the last export), and the demo page's
// example data fills a separate data set that can be cleared without touching real data.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { launch, openPage, readyEvents, storedKeys, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const DESK_TEXT = await readFile(new URL("../fixtures/bundles/desk.json", import.meta.url), "utf8");
const DESK = JSON.parse(DESK_TEXT);
const SCREENSHOTS = process.env.LENS_SCREENSHOTS === "1";
const WEST = DESK.audits.filter((entry) => entry.audit.header.team === "Assessment West");
const WEST_IDS = new Set(WEST.map((entry) => entry.audit.id));

test("importBundle writes what does not conflict and exportBundle gives the filtered audits with their moderations", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const element = page.locator("practice-lens").first();

  const summary = await element.evaluate((lens, text) => lens.importBundle(text), DESK_TEXT);
  assert.equal(summary.apiVersion, 1);
  assert.deepEqual(summary.total, { new: 132, updated: 0, unchanged: 0, conflicts: 0, refused: 0 });
  assert.equal(summary.written, 132);
  assert.equal(summary.files[0].name, "bundle.json");
  assert.equal(summary.people.length, 6, "four auditors and two moderators");
  const lens = page.locator("practice-lens").first();
  await lens.getByText(/of 120 audits/).first().waitFor();

  const again = await element.evaluate(async (lens, text) => lens.importBundle(new Blob([text])), DESK_TEXT);
  assert.equal(again.written, 0);
  assert.equal(again.total.unchanged, 132, "a second import of the same bundle changes nothing");

  const changed = JSON.parse(DESK_TEXT);
  const draft = changed.audits.find((entry) => entry.audit.status === "draft");
  draft.revision += 1;
  draft.audit.case_reference = draft.audit.case_reference + " (their copy)";
  const conflicting = await element.evaluate((lens, text) => lens.importBundle(text), JSON.stringify(changed));
  assert.equal(conflicting.total.updated, 1, "a newer draft is an update, applied");

  const exported = await element.evaluate(async (lens) => {
    const blob = await lens.exportBundle({ team: "assessment west" });
    return { type: blob.type, text: await blob.text() };
  });
  assert.equal(exported.type, "application/json");
  const bundle = JSON.parse(exported.text);
  assert.equal(bundle.format, "practice-lens-bundle");
  assert.deepEqual(new Set(bundle.audits.map((entry) => entry.audit.id)), WEST_IDS);
  const westModerations = DESK.moderations.filter((entry) => WEST_IDS.has(entry.moderation.audit_id));
  assert.ok(westModerations.length > 0, "the fixture moderates some of Assessment West's audits");
  assert.deepEqual(
    bundle.moderations.map((entry) => entry.moderation.id).sort(),
    westModerations.map((entry) => entry.moderation.id).sort(),
  );
  assert.equal(bundle.templates.length, 1);

  const everything = await element.evaluate(async (lens) => JSON.parse(await (await lens.exportBundle()).text()));
  assert.equal(everything.audits.length, 120);
  assert.equal(everything.moderations.length, 12);

  const refusal = await element.evaluate((lens) =>
    lens.exportBundle({ status: "finished" }).then(
      () => "resolved",
      (error) => error.message,
    ),
  );
  assert.equal(refusal, 'exportBundle\'s filter "status" is "finished": use draft, submitted, moderated or closed');
  const unreadable = await element.evaluate((lens) =>
    lens.importBundle("{ not a bundle").then(
      () => "resolved",
      (error) => error.message,
    ),
  );
  assert.match(unreadable, /^bundle\.json was not imported: /);
  const notAFilter = await element.evaluate((lens) =>
    lens.exportBundle(() => "west").then(
      () => "resolved",
      (error) => `${error.name}: ${error.message}`,
    ),
  );
  assert.match(notAFilter, /^TypeError: exportBundle takes a filter object/);
  await lens.getByText(/^Last exported on .*: 120 audit\(s\) and 12 moderation\(s\) as JSON, to the host page\. All the data on this device has not yet been downloaded as one file\.$/).waitFor();
  assert.deepEqual(record.pageErrors, []);
});

test("the audit list exports the audits its filters show, with their moderations, logged as the last export", async () => {
  const { page } = await openPage(browser, "");
  await readyEvents(page);
  const element = page.locator("practice-lens#practice-lens-main");
  await element.evaluate((lens, text) => lens.importBundle(text), DESK_TEXT);
  const lens = element;
  await lens.getByText(/of 120 audits/).first().waitFor();
  await lens.locator("#lens-filter-team").selectOption("Assessment West");
  await lens.getByText(`The ${WEST.length} audits listed (team Assessment West)`, { exact: false }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    lens.getByRole("button", { name: "Download the listed audits as JSON" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^practice-lens-audits-assessment-west-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.deepEqual(new Set(bundle.audits.map((entry) => entry.audit.id)), WEST_IDS);
  assert.ok(bundle.moderations.every((entry) => WEST_IDS.has(entry.moderation.audit_id)));
  const moderated = DESK.moderations.filter((entry) => WEST_IDS.has(entry.moderation.audit_id)).length;
  await lens
    .getByText(`Downloaded ${WEST.length} audits and ${moderated} moderation${moderated === 1 ? "" : "s"} (team Assessment West) as JSON.`)
    .waitFor();
  await lens.getByText(/^Last exported on .*\(team Assessment West\) as JSON\. All the data on this device has not yet been downloaded as one file\.$/).waitFor();

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    lens.getByRole("button", { name: "Download their answers as CSV" }).click(),
  ]);
  const rows = (await readFile(await csv.path(), "utf8")).split("\r\n").slice(1).filter(Boolean);
  const ids = new Set(rows.map((row) => row.split(",")[0]));
  assert.deepEqual(ids, WEST_IDS, "one or more rows for each listed audit and no other");
  assert.deepEqual(await violations(page), []);
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-export-list.png", fullPage: true });
});

test("example data fills a separate data set, opens the QA desk, and clears without touching real data", async () => {
  const { page, record } = await openPage(browser, "");
  await readyEvents(page);
  const element = page.locator("practice-lens#practice-lens-main");
  await element.evaluate((lens, text) => lens.importBundle(text), DESK_TEXT);
  const realBefore = (await storedKeys(page, "practice-lens")).sort();
  assert.ok(realBefore.length >= 132);

  await page.getByLabel("Seed").fill("20x7");
  await page.getByRole("button", { name: "Fill with example data" }).click();
  await page.getByText("Enter the seed as a whole number, for example 2027").waitFor();
  assert.equal(await element.getAttribute("db-name"), null, "a wrong seed changes nothing");

  await page.getByLabel("Seed").fill("2027");
  await page.getByRole("button", { name: "Fill with example data" }).click();
  await page.getByText(/^Example data from seed 2027 is in the separate data set “practice-lens-example”: \d+ records added, 0 already there\./).waitFor({ timeout: 60_000 });
  assert.equal(await element.getAttribute("db-name"), "practice-lens-example");
  assert.equal(await element.getAttribute("view"), "qa-desk");
  await element.getByRole("heading", { name: "Moderate an audit" }).first().waitFor();
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-example-desk.png", fullPage: true });
  const example = await storedKeys(page, "practice-lens-example");
  assert.ok(example.filter((key) => key.startsWith("audit/")).length === 360, "a quarter of a council's audits");
  assert.ok(example.some((key) => key.startsWith("moderation/")));
  assert.deepEqual((await storedKeys(page, "practice-lens")).sort(), realBefore, "real data untouched");

  await element.getByRole("button", { name: "See how far auditors and moderators agree" }).click();
  await element.getByRole("heading", { name: "Agreement at moderation" }).waitFor();

  await page.getByRole("button", { name: "Clear example data" }).click();
  await page.getByText("The example data has been deleted. Your own data has not been touched.").waitFor({ timeout: 30_000 });
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
  assert.ok(!names.includes("practice-lens-example"), names.join(", "));
  assert.equal(await element.getAttribute("db-name"), "practice-lens");
  assert.deepEqual((await storedKeys(page, "practice-lens")).sort(), realBefore);
  assert.deepEqual(record.pageErrors, []);
});

test("two imports asked for at once are both written and both shown", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const element = page.locator("practice-lens").first();
  const half = (keep) =>
    JSON.stringify({ ...DESK, audits: DESK.audits.filter((entry) => keep(entry.audit.header.team)), moderations: [] });
  const [west, rest] = await element.evaluate(
    (lens, [first, second]) => Promise.all([lens.importBundle(first), lens.importBundle(second)]),
    [half((team) => team === "Assessment West"), half((team) => team !== "Assessment West")],
  );
  assert.equal(west.written, WEST.length);
  assert.equal(rest.written, 120 - WEST.length);
  await element.getByText(/of 120 audits/).first().waitFor();
  assert.deepEqual(record.pageErrors, []);
});

test("reports draw how the grades fell as charts whose counts are the report's own", async () => {
  const { page } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens").first();
  await lens.evaluate((element, text) => element.importBundle(text), DESK_TEXT);
  await lens.getByRole("button", { name: "Reports" }).click();
  for (const [stem, [day, month, year]] of [["lens-report-from", [1, 4, 2026]], ["lens-report-to", [31, 3, 2027]]]) {
    await lens.locator(`#${stem}-day`).fill(String(day));
    await lens.locator(`#${stem}-month`).fill(String(month));
    await lens.locator(`#${stem}-year`).fill(String(year));
  }
  await lens.getByRole("heading", { name: "How the grades fell" }).waitFor();
  const charts = lens.locator("figure.lens-chart--grades");
  const overall = charts.first();
  const caption = await overall.locator("figcaption").innerText();
  assert.match(caption, /^Overall judgement: Case file audit \(Ofsted four-point scale\)\n\d+ of 117 gradings were good or better \(\d+%\)\.$/);
  assert.equal(await overall.getByRole("img").getAttribute("aria-labelledby"), "lens-grade-chart-0-summary");
  // The overall chart's bars add up to the completed audits with an overall grade, and the
  // first bar's count is the report's own figure for that grade.
  const values = await overall.locator(".lens-chart__value").allTextContents();
  const counts = values.map((value) => Number(value.split(" ")[0]));
  assert.equal(counts.reduce((sum, count) => sum + count, 0), 117);
  const table = await lens.locator("#lens-report-how-well").locator("xpath=following::table[1]").innerText();
  assert.match(table, new RegExp(`Overall grade\\s+Template: Case file audit \\(Ofsted four-point scale\\); Grade: Outstanding\\s+${counts[0]}\\s`));
  assert.ok((await charts.count()) > 1, "one chart per standard as well");
  // The months: twelve columns whose counts add up to the report's completed audits.
  const trend = lens.locator("figure.lens-chart:has(#lens-trend-chart-summary)");
  const completed = Number((await lens.getByText(/ completed from /).first().textContent()).match(/^(\d+) audits? completed/)[1]);
  assert.match(await trend.locator("figcaption").innerText(), new RegExp(`^Audits completed each month\n${completed} audits completed from Apr 2026 to Mar 2027, \\d+ to \\d+ a month; \\d+% of those judged were good or better\\.`));
  const monthly = (await trend.locator(".lens-chart__value").allTextContents()).map(Number);
  assert.equal(monthly.length, 12);
  assert.equal(monthly.reduce((sum, count) => sum + count, 0), completed);
  assert.deepEqual(await violations(page), []);
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-report-charts.png", fullPage: true });
});
