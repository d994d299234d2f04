// Loads the demo page again and again with one saved audit and measures, from the start of
// navigation, when the toolkit fires lens-ready and when the audit form (opened by the audit's
// own address on Home, as a person would) has its first grade ready for input.
// Usage: node form_ready.mjs URL. Prints JSON.

import { chromium } from "playwright-core";

const RUNS = 15;
const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.LENS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking"],
});
const context = await browser.newContext();
const page = await context.newPage();
await page.addInitScript(() => {
  window.__ready = new Promise((resolve) =>
    document.addEventListener("lens-ready", () => resolve(performance.now()), { once: true, capture: true }),
  );
});
await page.goto(url);
await page.evaluate(() => window.__ready);
const lens = page.locator("practice-lens");
await lens.getByRole("button", { name: "Audit a case", exact: true }).click();
await lens.locator("#lens-case-reference").fill("CF-TIMING");
await lens.locator("#lens-auditor").fill("Jo Bloggs");
await lens.getByLabel("Case file audit", { exact: true }).check();
await lens.getByRole("button", { name: "Start audit" }).click();
await lens.locator("#lens-i-risk-grade-0").waitFor();

const ready = [];
const form = [];
for (let run = 0; run < RUNS; run += 1) {
  await page.goto(url);
  ready.push(await page.evaluate(() => window.__ready));
  await lens.locator("tbody .lens-link-button").first().click();
  await lens.locator("#lens-i-risk-grade-0").waitFor({ state: "visible" });
  form.push(await page.evaluate(() => performance.now()));
}
await browser.close();

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
console.log(JSON.stringify({ ready_ms: summary(ready), form_ms: summary(form) }));
