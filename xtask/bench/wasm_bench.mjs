// Runs a benchmark suite of the module in headless Chromium and prints its JSON result.
// Usage: node xtask/bench/wasm_bench.mjs URL [agreement|themes]
// (URL serves lens_wasm_bench.js and its .wasm)

import { chromium } from "playwright-core";

const url = process.argv[2];
const suite = process.argv[3] ?? "agreement";
const browser = await chromium.launch({
  executablePath: process.env.LENS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  const result = await page.evaluate(async (suite) => {
    const module = await import("./lens_wasm_bench.js");
    await module.default();
    return module.run_benchmarks(suite);
  }, suite);
  process.stdout.write(`${result}\n`);
} finally {
  await browser.close();
}
