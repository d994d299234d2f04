// A report over a council's year of audits, made by the analysis worker while the page stays
// responsive. Seeds the demo page's database with a generated bundle, opens Reports, asks for
// the whole year and measures, in headless Chromium: the time from asking to the report shown,
// and the longest task the page's own thread ran meanwhile (PerformanceObserver "longtask":
// any task over 50 ms is one). Usage: node report_worker.mjs URL BUNDLE.json. Prints JSON.

import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const RUNS = 3;
const [url, bundlePath] = process.argv.slice(2);
const bundle = JSON.parse(await readFile(bundlePath, "utf8"));
const records = [
  ...bundle.audits.map((entry) => ({ kind: "audit", id: entry.audit.id, entry, body: entry.audit, schema: 3 })),
  ...bundle.moderations.map((entry) => ({ kind: "moderation", id: entry.moderation.id, entry, body: entry.moderation, schema: 1 })),
].map(({ kind, id, entry, body, schema }) => ({
  key: `${kind}/${id}`, kind, id, revision: entry.revision, schema_version: schema, updated_at: entry.updated_at, body: JSON.stringify(body),
}));

const browser = await chromium.launch({
  executablePath: process.env.LENS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking"],
});
const page = await (await browser.newContext()).newPage();
await page.addInitScript(() => {
  window.__ready = new Promise((resolve) =>
    document.addEventListener("lens-ready", () => resolve(performance.now()), { once: true, capture: true }),
  );
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
});
await page.goto(url);
await page.evaluate(() => window.__ready);
await page.evaluate(
  (records) =>
    new Promise((resolve, reject) => {
      const opening = indexedDB.open("practice-lens-csp");
      opening.onsuccess = () => {
        const transaction = opening.result.transaction("records", "readwrite");
        for (const record of records) transaction.objectStore("records").put(record);
        transaction.oncomplete = () => { opening.result.close(); resolve(); };
        transaction.onerror = () => reject(transaction.error);
      };
    }),
  records,
);

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
