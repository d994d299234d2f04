// The QA desk at a council's scale, as a QA manager opens it: the demo page's database seeded
// with a generated year (10,000 audits and their moderations), the page reloaded, the
// moderation screen opened and read for three seconds, then the agreement dashboard opened and
// a team chosen in it; then Reports opened from Home, its themes read, and a team chosen there
// once they show. For each step:
// the time until it shows, and the longest task the page's own thread ran meanwhile
// (PerformanceObserver "longtask": any task over 50 ms is one). Usage: node desk_scale.mjs URL
// BUNDLE.json. Prints JSON.

import { openSeededPage } from "./seeded_page.mjs";

const RUNS = 3;
const READING_MS = Number(process.env.LENS_READING_MS ?? 3_000);
const [url, bundlePath] = process.argv.slice(2);
const { browser, page, bundle } = await openSeededPage(url, bundlePath);

const now = () => page.evaluate(() => performance.now());
const longestSince = (since) =>
  page.evaluate((since) => Math.max(0, ...window.__longTasks.filter((task) => task.start >= since).map((task) => task.duration)), since);
// Resolves once the text of `selector` in the shadow root is set and differs from `before`.
const changed = (selector, before) =>
  page.waitForFunction(
    ({ selector, before }) => {
      const text = document.querySelector("practice-lens").shadowRoot.querySelector(selector)?.textContent ?? "";
      return /\d/.test(text) && text !== before;
    },
    { selector, before },
    { timeout: 180_000 },
  );
const textOf = (selector) =>
  page.evaluate((selector) => document.querySelector("practice-lens").shadowRoot.querySelector(selector)?.textContent ?? "", selector);
const names = ["moderation_list", "dashboard", "dashboard_filter", "reports", "themes", "reports_filter", "themes_after_filter"];
const steps = Object.fromEntries(names.map((name) => [name, []]));
const longest = Object.fromEntries(names.map((name) => [name, []]));
const WAIT = { timeout: 180_000 };
for (let run = 0; run < RUNS; run += 1) {
  await page.reload();
  const lens = page.locator("practice-lens");
  await lens.getByText(/^Showing .* audits/).waitFor(WAIT);

  let start = await now();
  await lens.getByRole("button", { name: "Moderate an audit" }).click(WAIT);
  await lens.getByRole("table", { name: "Waiting for moderation" }).waitFor(WAIT);
  steps.moderation_list.push((await now()) - start);
  longest.moderation_list.push(await longestSince(start));
  await page.waitForTimeout(READING_MS);

  start = await now();
  await lens.getByRole("button", { name: "See how far auditors and moderators agree" }).click(WAIT);
  await changed("#lens-agreement-summary", "");
  steps.dashboard.push((await now()) - start);
  longest.dashboard.push(await longestSince(start));
  const summaryBefore = await textOf("#lens-agreement-summary");
  const team = await lens.locator("#lens-agreement-team option").nth(1).getAttribute("value");
  start = await now();
  await lens.locator("#lens-agreement-team").selectOption(team);
  await changed("#lens-agreement-summary", summaryBefore);
  steps.dashboard_filter.push((await now()) - start);
  longest.dashboard_filter.push(await longestSince(start));

  await lens.getByRole("button", { name: "Back to moderation" }).click(WAIT);
  await lens.getByRole("button", { name: "Back to home" }).click(WAIT);
  await lens.getByText(/^Showing .* audits/).waitFor(WAIT);
  start = await now();
  await lens.getByRole("button", { name: "Reports", exact: true }).click(WAIT);
  const reportStatus = lens.locator("p[role=status]").filter({ hasText: / completed from / });
  await reportStatus.waitFor(WAIT);
  steps.reports.push((await now()) - start);
  longest.reports.push(await longestSince(start));
  // The themes are asked for once the report has stood still, and read in the worker.
  const themesTable = lens.getByRole("table", { name: "What the narratives say" });
  await themesTable.waitFor(WAIT);
  steps.themes.push((await now()) - start);
  longest.themes.push(await longestSince(start));
  const reportBefore = await reportStatus.textContent();
  const reportTeam = await lens.locator("#lens-report-team option").nth(1).getAttribute("value");
  start = await now();
  await lens.locator("#lens-report-team").selectOption(reportTeam);
  await page.waitForFunction(
    (before) => [...document.querySelector("practice-lens").shadowRoot.querySelectorAll("p[role=status]")]
      .some((node) => / completed from /.test(node.textContent) && node.textContent !== before),
    reportBefore,
    WAIT,
  );
  steps.reports_filter.push((await now()) - start);
  longest.reports_filter.push(await longestSince(start));
  await themesTable.waitFor(WAIT);
  steps.themes_after_filter.push((await now()) - start);
  longest.themes_after_filter.push(await longestSince(start));
}
const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
const result = { audits: bundle.audits.length, moderations: bundle.moderations.length, page_heap_bytes: memory };
for (const step of names) {
  result[`${step}_ms`] = summary(steps[step]);
  result[`${step}_longest_task_ms`] = summary(longest[step]);
}
console.log(JSON.stringify(result));
await browser.close();
