// The themes panel at a council's scale: the demo page's database seeded with a generated year
// (10,000 audits), the page reloaded (a new worker, nothing decoded), Themes opened from Home
// until its first panel shows (this quarter so far), then the whole year typed until its panel
// shows, then a team chosen until that team's panel shows. For each step: the time until it
// shows, and the longest task the page's own thread ran meanwhile (PerformanceObserver
// "longtask": any task over 50 ms). Usage: node themes_panel.mjs URL BUNDLE.json FROM TO. Prints JSON.

import { openSeededPage } from "./seeded_page.mjs";

const RUNS = 3;
const [url, bundlePath, from, to] = process.argv.slice(2);
const { browser, page, bundle } = await openSeededPage(url, bundlePath);
const WAIT = { timeout: 300_000 };
const now = () => page.evaluate(() => performance.now());
const longestSince = (since) =>
  page.evaluate((since) => Math.max(0, ...window.__longTasks.filter((task) => task.start >= since).map((task) => task.duration)), since);
// Resolves once the panel's sentence differs from `before` (the reading message has no figures).
const shown = (before) =>
  page.waitForFunction(
    (before) => [...document.querySelector("practice-lens").shadowRoot.querySelectorAll("p[role=status]")]
      .some((node) => / narratives? read from /.test(node.textContent) && node.textContent !== before),
    before,
    WAIT,
  );
const sentence = () =>
  page.evaluate(() => [...document.querySelector("practice-lens").shadowRoot.querySelectorAll("p[role=status]")]
    .map((node) => node.textContent).find((text) => / read from /.test(text)) ?? "");
const names = ["opened", "year", "team"];
const steps = Object.fromEntries(names.map((name) => [name, []]));
const longest = Object.fromEntries(names.map((name) => [name, []]));
const sentences = {};
const typeDate = async (lens, stem, iso) => {
  const [year, month, day] = iso.split("-");
  await lens.locator(`#${stem}-day`).fill(String(Number(day)));
  await lens.locator(`#${stem}-month`).fill(String(Number(month)));
  await lens.locator(`#${stem}-year`).fill(year);
};
for (let run = 0; run < RUNS; run += 1) {
  await page.reload();
  const lens = page.locator("practice-lens");
  await lens.getByText(/^Showing .* audits/).waitFor(WAIT);
  let start = await now();
  await lens.getByRole("button", { name: "Themes", exact: true }).click(WAIT);
  await shown("");
  steps.opened.push((await now()) - start);
  longest.opened.push(await longestSince(start));
  sentences.opened = await sentence();

  await typeDate(lens, "lens-themes-from", from);
  await lens.locator("#lens-themes-to-day").fill(String(Number(to.split("-")[2])));
  await lens.locator("#lens-themes-to-month").fill(String(Number(to.split("-")[1])));
  const before = await sentence();
  start = await now();
  await lens.locator("#lens-themes-to-year").fill(to.split("-")[0]);
  await shown(before);
  steps.year.push((await now()) - start);
  longest.year.push(await longestSince(start));
  sentences.year = await sentence();

  const team = await lens.locator("#lens-themes-team option").nth(1).getAttribute("value");
  const yearSentence = await sentence();
  start = await now();
  await lens.locator("#lens-themes-team").selectOption(team);
  await shown(yearSentence);
  steps.team.push((await now()) - start);
  longest.team.push(await longestSince(start));
  sentences.team = await sentence();
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
const result = { audits: bundle.audits.length, moderations: bundle.moderations.length, sentences };
for (const step of names) {
  result[`${step}_ms`] = summary(steps[step]);
  result[`${step}_longest_task_ms`] = summary(longest[step]);
}
console.log(JSON.stringify(result));
await browser.close();
