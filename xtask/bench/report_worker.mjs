// A report over a council's year of audits, made by the analysis worker while the page stays
// responsive. Seeds the demo page's database with a generated bundle, opens Reports, asks for
// the whole year and measures, in headless Chromium: the time from asking to the report shown,
// and the longest task the page's own thread ran meanwhile (PerformanceObserver "longtask":
// any task over 50 ms is one). Usage: node report_worker.mjs URL BUNDLE.json. Prints JSON.

import { openSeededPage } from "./seeded_page.mjs";

const RUNS = 3;
const [url, bundlePath] = process.argv.slice(2);
const { browser, page, bundle } = await openSeededPage(url, bundlePath);

const made = [];
const longest = [];
const total = bundle.audits.filter((entry) => entry.audit.status !== "draft").length;
for (let run = 0; run < RUNS; run += 1) {
  await page.reload();
  await page.evaluate(() => window.__ready);
  const lens = page.locator("practice-lens");
  await lens.getByRole("button", { name: "Reports", exact: true }).click({ timeout: 180_000 });
  await lens.locator("#lens-report-from-day").fill("1");
  await lens.locator("#lens-report-from-month").fill("4");
  await lens.locator("#lens-report-from-year").fill("2026");
  await lens.locator("#lens-report-to-day").fill("31");
  await lens.locator("#lens-report-to-month").fill("3");
  // The period is whole, and the report asked for, once the last year is typed.
  const asked = await page.evaluate(() => performance.now());
  await lens.locator("#lens-report-to-year").fill("2027");
  await lens.getByText(/audits completed from 1 April 2026 to 31 March 2027\./).waitFor({ timeout: 120_000 });
  const shown = await page.evaluate(() => performance.now());
  made.push(shown - asked);
  longest.push(await page.evaluate((since) => Math.max(0, ...window.__longTasks.filter((task) => task.start >= since).map((task) => task.duration)), asked));
}
await browser.close();

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
console.log(JSON.stringify({ audits: bundle.audits.length, submitted: total, moderations: bundle.moderations.length, report_ms: summary(made), longest_task_ms: summary(longest) }));
