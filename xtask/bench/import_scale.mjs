// Importing a council's year at once, and the agreement dashboard over it: in headless
// Chromium on the demo page, each run in a fresh browser profile (an empty database), the
// generated bundle chosen on the import screen, checked, and written; then the agreement
// dashboard opened over its moderations. For each step: the time it took and the longest task
// the page's own thread ran meanwhile (PerformanceObserver "longtask": any task over 50 ms),
// and how many progress steps the page showed. Usage: node import_scale.mjs URL BUNDLE.json.
// Prints JSON.

import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const RUNS = 3;
const [url, bundlePath] = process.argv.slice(2);
const bundle = JSON.parse(await readFile(bundlePath, "utf8"));
const records = bundle.audits.length + bundle.moderations.length;
const browser = await chromium.launch({
  executablePath: process.env.LENS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking"],
});
const WAIT = { timeout: 300_000 };
const steps = { preview: [], write: [], dashboard: [], dashboard_filter: [] };
const longest = { preview: [], write: [], dashboard: [], dashboard_filter: [] };
const progress = [];
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(url);
  const lens = page.locator("practice-lens");
  const now = () => page.evaluate(() => performance.now());
  const longestSince = (since) =>
    page.evaluate((since) => Math.max(0, ...window.__longTasks.filter((task) => task.start >= since).map((task) => task.duration)), since);
  await lens.getByRole("button", { name: "Import audits from other devices" }).click(WAIT);
  await lens.getByLabel("Files to import").setInputFiles(bundlePath);
  // Every progress label the page shows while it works, sampled as the page draws.
  await page.evaluate(() => {
    window.__steps = new Set();
    const root = document.querySelector("practice-lens").shadowRoot;
    new MutationObserver(() => {
      const label = root.querySelector("label[for=lens-import-progress]");
      if (label) window.__steps.add(label.textContent);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  let start = await now();
  await lens.getByRole("button", { name: "Check these files" }).click(WAIT);
  await lens.getByRole("heading", { name: "What these files would do" }).waitFor(WAIT);
  steps.preview.push((await now()) - start);
  longest.preview.push(await longestSince(start));
  start = await now();
  await lens.locator("#lens-import-apply").click(WAIT);
  await lens.getByRole("heading", { name: /records imported$/ }).waitFor(WAIT);
  steps.write.push((await now()) - start);
  longest.write.push(await longestSince(start));
  progress.push(await page.evaluate(() => window.__steps.size));

  await lens.getByRole("button", { name: "Back to Home" }).click(WAIT);
  await lens.getByRole("button", { name: "Moderate an audit" }).click(WAIT);
  await lens.getByRole("button", { name: "See how far auditors and moderators agree" }).click(WAIT);
  await lens.locator("#lens-agreement-from-day").fill("1");
  await lens.locator("#lens-agreement-from-month").fill("4");
  await lens.locator("#lens-agreement-from-year").fill("2026");
  start = await now();
  await lens.locator("#lens-agreement-to-day").fill("31");
  await lens.locator("#lens-agreement-to-month").fill("3");
  await lens.locator("#lens-agreement-to-year").fill("2027");
  await lens.getByText(/moderations from 1 April 2026 to 31 March 2027/).waitFor(WAIT);
  steps.dashboard.push((await now()) - start);
  longest.dashboard.push(await longestSince(start));
  // A filter change over the same records: the worker answers from what it decoded.
  const summaryBefore = await lens.locator("#lens-agreement-summary").innerText();
  const team = await lens.locator("#lens-agreement-team option").nth(1).getAttribute("value");
  start = await now();
  await lens.locator("#lens-agreement-team").selectOption(team);
  await page.waitForFunction(
    (before) => {
      const summary = document.querySelector("practice-lens").shadowRoot.querySelector("#lens-agreement-summary");
      return summary && summary.textContent !== before;
    },
    summaryBefore,
    WAIT,
  );
  steps.dashboard_filter.push((await now()) - start);
  longest.dashboard_filter.push(await longestSince(start));
  await context.close();
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
const result = { audits: bundle.audits.length, moderations: bundle.moderations.length, records, progress_steps: summary(progress) };
for (const step of Object.keys(steps)) {
  result[`${step}_ms`] = summary(steps[step]);
  result[`${step}_longest_task_ms`] = summary(longest[step]);
}
console.log(JSON.stringify(result));
await browser.close();
