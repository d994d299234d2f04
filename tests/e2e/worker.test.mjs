// The analysis worker: reports and their themes are made by a second wasm module in a Web
// Worker, fetched only the first time a report is asked for, under the strict CSP, once per
// element, and stopped with the element.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { launch, openPage, openTask, readyEvents, seedGolden, typeDate, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const isWorkerFile = (url) => /lens-worker\.js|lens_worker(_bg\.wasm|\.js)/.test(url);

// Opens Reports in `host` for the golden half year and waits for the worker's report.
async function reportOnGoldenHalfYear(page, host) {
  await openTask(page, host, "Reports");
  const lens = page.locator(host);
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-09-30");
  await lens.getByText("6 audits completed from 1 April 2026 to 30 September 2026.").waitFor();
  return lens;
}

test("the first load fetches no analysis; a report fetches the worker under the strict CSP and shows themes", async () => {
  const { page, record, context } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens-csp");
  await page.reload();
  await page.waitForFunction(() => window.__lensEvents.some((event) => event.type === "lens-ready"));
  assert.deepEqual(record.requests.filter(isWorkerFile), [], "nothing of the worker before a report is asked for");

  const lens = await reportOnGoldenHalfYear(page, "practice-lens");
  assert.ok(record.requests.some((url) => url.endsWith("/lens_worker_bg.wasm")), "the worker's module was fetched");
  // The themes follow the report: the narratives are read once it stands.
  await lens.getByRole("heading", { name: "What the narratives say" }).waitFor();
  const themes = lens.getByRole("table", { name: "What the narratives say" });
  await themes.waitFor();
  assert.ok((await themes.getByRole("row").count()) > 1, "at least one theme was found");
  assert.equal(await lens.getByText("built trust").count(), 0, "a reflection's words never appear in a report");
  await lens.getByRole("table", { name: "How well did we do it?" }).getByText("Template: Case file audit; Grade: Does not meet good").waitFor();

  // A period that ends before it starts is explained where the dates are chosen.
  await typeDate(lens, "lens-report-to", "2026-03-01");
  const reversed = "The report ends on 1 March 2026, before it starts on 1 April 2026: check the dates";
  await lens.locator(".lens-error-summary").getByRole("link", { name: reversed }).waitFor();
  await lens.locator("#lens-report-to-error").getByText(reversed).waitFor();
  const widths = await lens.locator("#lens-report-to-year").evaluate((year) => year.getBoundingClientRect().width);
  assert.ok(widths < 120, `the year box keeps its width with the error: ${widths}px`);

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "no CSP violation");
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("two instances each have their own worker, and removing an element stops its worker", async () => {
  const { page, record, context } = await openPage(browser, "demo/two-instances.html");
  await readyEvents(page, 2);
  await seedGolden(page, "practice-lens-team-a");
  await page.reload();
  await readyEvents(page, 2);

  await reportOnGoldenHalfYear(page, "#team-a");
  const teamB = page.locator("#team-b");
  await openTask(page, "#team-b", "Reports");
  await typeDate(teamB, "lens-report-from", "2026-04-01");
  await typeDate(teamB, "lens-report-to", "2026-09-30");
  // Team B's database is empty: its own worker answers from its own records.
  await teamB.getByText("0 audits completed from 1 April 2026 to 30 September 2026.").waitFor();
  assert.equal(page.workers().length, 2, "one worker per element");

  const closed = new Promise((resolve) => page.workers()[0].once("close", resolve));
  const otherClosed = new Promise((resolve) => page.workers()[1].once("close", resolve));
  await page.evaluate(() => document.querySelector("#team-a").remove());
  await Promise.race([closed, otherClosed]);
  assert.equal(page.workers().length, 1, "the removed element's worker is gone, the other's runs on");
  // The remaining instance still gets answers.
  await typeDate(teamB, "lens-report-to", "2026-09-29");
  await teamB.getByText("0 audits completed from 1 April 2026 to 29 September 2026.").waitFor();
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});
