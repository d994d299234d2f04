// Home at a council's scale: the demo page's database seeded with a generated bundle (10,000
// audits and their moderations), then, in headless Chromium, the page reloaded and Home shown,
// a report opened and Home shown again, and a search typed and cleared. For each step: the time
// until Home shows its list, and the longest task the page's own thread ran meanwhile
// (PerformanceObserver "longtask": any task over 50 ms is one). Usage: node home_scale.mjs URL
// BUNDLE.json. Prints JSON.

import { openSeededPage } from "./seeded_page.mjs";

const RUNS = 3;
const [url, bundlePath] = process.argv.slice(2);
const { browser, page, bundle } = await openSeededPage(url, bundlePath);

const now = () => page.evaluate(() => performance.now());
const longestSince = (since) =>
  page.evaluate((since) => Math.max(0, ...window.__longTasks.filter((task) => task.start >= since).map((task) => task.duration)), since);
const steps = { load: [], back_from_reports: [], clear_search: [] };
const longest = { load: [], back_from_reports: [], clear_search: [] };
const WAIT = { timeout: 180_000 };
for (let run = 0; run < RUNS; run += 1) {
  await page.reload();
  // The new document's clock starts at its navigation.
  let start = 0;
  const lens = page.locator("practice-lens");
  const listed = lens.getByText(/^Showing .* audits/);
  await listed.waitFor(WAIT);
  steps.load.push(await now());
  longest.load.push(await longestSince(start));

  await lens.getByRole("button", { name: "Reports", exact: true }).click(WAIT);
  await lens.getByRole("heading", { name: "Reports" }).waitFor(WAIT);
  start = await now();
  await lens.getByRole("button", { name: "Back to home" }).click(WAIT);
  await listed.waitFor(WAIT);
  steps.back_from_reports.push((await now()) - start);
  longest.back_from_reports.push(await longestSince(start));

  await lens.locator("#lens-filter-search").fill("CF-0001");
  await lens.getByText(/^Showing .* of .* audits/).waitFor(WAIT);
  start = await now();
  await lens.getByRole("button", { name: "Clear the search and filters" }).click(WAIT);
  await page.waitForFunction(() => !document.querySelector("practice-lens").shadowRoot.querySelector("#lens-filter-search").value);
  steps.clear_search.push((await now()) - start);
  longest.clear_search.push(await longestSince(start));
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
const result = { audits: bundle.audits.length, moderations: bundle.moderations.length };
for (const step of Object.keys(steps)) {
  result[`${step}_ms`] = summary(steps[step]);
  result[`${step}_longest_task_ms`] = summary(longest[step]);
}
console.log(JSON.stringify(result));
await browser.close();
