// The set-up the page benchmarks share: headless Chromium on the demo page at `url`, every
// long task recorded (PerformanceObserver "longtask": any task over 50 ms), and the page's
// database filled with the audits and moderations of the bundle at `bundlePath`, as the app
// stores them. Resolves to { browser, page, bundle }.

import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";

export async function openSeededPage(url, bundlePath) {
  const bundle = JSON.parse(await readFile(bundlePath, "utf8"));
  // The audit record layout each bundle format carries (lens-store bundle/v*.rs): stored under
  // another version it would not be read.
  const auditSchema = { 1: 3, 2: 3, 3: 4, 4: 5 }[bundle.format_version];
  if (auditSchema === undefined) throw new Error(`bundle format ${bundle.format_version} is not known here`);
  const records = [
    ...bundle.audits.map((entry) => ({ kind: "audit", id: entry.audit.id, entry, body: entry.audit, schema: auditSchema })),
    ...bundle.moderations.map((entry) => ({ kind: "moderation", id: entry.moderation.id, entry, body: entry.moderation, schema: 2 })),
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
  return { browser, page, bundle };
}
