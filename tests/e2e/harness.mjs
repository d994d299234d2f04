// Shared set-up for the end-to-end suites: one headless Chromium, pages that record every
// request, console error and CSP violation, and helpers that reach into the shadow root.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const BASE_URL = process.env.LENS_BASE_URL ?? "http://127.0.0.1:8080/";
const CHROMIUM = process.env.LENS_CHROMIUM ?? "/usr/bin/chromium";

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// Opens a page in its own context (its own IndexedDB) and records what it does.
export async function openPage(browser, path, { context } = {}) {
  const ownContext = context ?? (await browser.newContext());
  const page = await ownContext.newPage();
  const record = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on("request", (request) => record.requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") record.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => record.pageErrors.push(error.message));
  await page.addInitScript(() => {
    window.__lensEvents = [];
    window.__cspViolations = [];
    for (const type of ["lens-ready", "lens-saved", "lens-error"]) {
      document.addEventListener(type, (event) => {
        window.__lensEvents.push({ type, host: event.target.id || event.target.localName, detail: event.detail });
      });
    }
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { page, record, context: ownContext };
}

// Waits until `count` lens-ready events have been seen, and returns them.
export async function readyEvents(page, count = 1) {
  await page.waitForFunction((n) => window.__lensEvents.filter((e) => e.type === "lens-ready").length >= n, count);
  return page.evaluate(() => window.__lensEvents.filter((e) => e.type === "lens-ready"));
}

export async function events(page, type) {
  return page.evaluate((t) => window.__lensEvents.filter((e) => e.type === t), type);
}

// Every URL requested that is not on the page's own origin.
export function foreignRequests(record) {
  const origin = new URL(BASE_URL).origin;
  return record.requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"));
}

// Fills the start-audit form of the instance `host` (a CSS selector), submits it, and waits
// for the new audit's form to open.
export async function startAudit(page, host, caseReference, auditor, template = "Case file audit") {
  const lens = page.locator(host);
  await lens.locator("#lens-case-reference").fill(caseReference);
  await lens.locator("#lens-auditor").fill(auditor);
  await lens.getByLabel(template, { exact: true }).check();
  await lens.getByRole("button", { name: "Start audit" }).click();
  await lens.getByRole("button", { name: "Back to audits on this device" }).waitFor();
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// The violations axe-core finds in the element, for the WCAG 2.0, 2.1 and 2.2 A and AA rules,
// each as "rule: target" for a readable failure.
export async function violations(page, selector = "practice-lens") {
  // Evaluated through DevTools rather than a script tag, so a page's CSP does not block it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ selector, tags }) => {
      const result = await window.axe.run(document.querySelector(selector), { runOnly: { type: "tag", values: tags } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
    },
    { selector, tags: AXE_TAGS },
  );
}
