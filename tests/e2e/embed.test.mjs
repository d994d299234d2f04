// The toolkit embedded in host pages: the intranet page, strict CSP, hostile CSS, two
// instances, a taken element name, and storage that is not available.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, readyEvents, events, foreignRequests, openTask, startAudit } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the intranet page shows the toolkit and fetches nothing from elsewhere", async () => {
  const { page, record, context } = await openPage(browser, "index.html");
  const [ready] = await readyEvents(page);
  assert.deepEqual(ready.detail, { view: "home", storage: "indexeddb" });
  const lens = page.locator("practice-lens");
  await lens.getByRole("heading", { name: "Practice Lens" }).waitFor();
  assert.equal(await lens.locator(".lens-caption").textContent(), "Northshire Children's Services");
  const inShadow = await page.evaluate(() => {
    const element = document.querySelector("practice-lens");
    return { open: element.shadowRoot?.mode, lightChildren: element.children.length };
  });
  assert.deepEqual(inShadow, { open: "open", lightChildren: 0 });
  assert.deepEqual(foreignRequests(record), []);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.pageErrors, []);
  const wasm = record.requests.filter((url) => url.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "the .wasm is fetched once");
  await context.close();
});

test("an audit started in the form is saved, announced, and still there after a reload", async () => {
  const { page, record, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  await startAudit(page, "practice-lens", "CF-3141", "Jo Bloggs");
  await page.locator("practice-lens").getByRole("heading", { name: "Case file audit" }).waitFor();
  assert.equal(await page.locator("practice-lens .lens-caption").last().textContent(), "Case CF-3141 · Jo Bloggs");
  const [saved] = await events(page, "lens-saved");
  assert.equal(saved.detail.kind, "audit");
  assert.equal(saved.detail.revision, 1);
  assert.match(saved.detail.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

  await page.reload();
  await readyEvents(page);
  const row = page.locator("practice-lens tbody tr");
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.first().textContent(), /CF-3141.*Case file audit.*Jo Bloggs.*Draft/);
  assert.deepEqual(foreignRequests(record), []);
  await context.close();
});

test("a form with errors shows the GOV.UK error summary and its links move focus to the field", async () => {
  const { page, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Audit a case");
  await lens.locator("#lens-auditor").fill("Jo Bloggs");
  await lens.getByRole("button", { name: "Start audit" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.className), "lens-error-summary");
  assert.equal(await lens.locator("#lens-case-reference-error").textContent(), "Error: Enter the case reference");
  await summary.getByRole("link", { name: "Enter the case reference" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-case-reference");
  assert.equal(new URL(page.url()).hash, "", "the summary link does not navigate the host page");
  assert.deepEqual(await events(page, "lens-saved"), []);
  await context.close();
});

test("attribute changes update the running app and removal destroys it cleanly", async () => {
  const { page, record, context } = await openPage(browser, "index.html");
  await readyEvents(page);
  await page.evaluate(() => document.querySelector("practice-lens").setAttribute("view", "storage"));
  await page.locator("practice-lens").getByRole("heading", { name: "Data on this device" }).waitFor();
  await page.evaluate(() => {
    const element = document.querySelector("practice-lens");
    element.remove();
    document.querySelector("main").append(element);
  });
  await page.waitForTimeout(0);
  await page.evaluate(() => document.querySelector("practice-lens").remove());
  await page.waitForFunction(() => !document.querySelector("practice-lens"));
  const mountedAgain = await page.evaluate(async () => {
    const element = document.createElement("practice-lens");
    element.setAttribute("view", "storage");
    const ready = new Promise((resolve) => element.addEventListener("lens-ready", (e) => resolve(e.detail), { once: true }));
    document.querySelector("main").append(element);
    return ready;
  });
  assert.deepEqual(mountedAgain, { view: "storage", storage: "indexeddb" });
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  await context.close();
});

test("the strict Content-Security-Policy page runs with no violation", async () => {
  const { page, record, context } = await openPage(browser, "demo/csp.html");
  const [ready] = await readyEvents(page);
  assert.equal(ready.detail.storage, "indexeddb");
  await startAudit(page, "practice-lens", "CF-CSP-1", "Jo Bloggs");
  const lens = page.locator("practice-lens");
  await lens.getByRole("button", { name: "Continue" }).click();
  await lens.locator(".lens-error-summary").waitFor();
  await lens.getByRole("button", { name: "Back to audits on this device" }).click();
  await openTask(page, "practice-lens", "Audit a case");
  await lens.getByRole("button", { name: "Start audit" }).click();
  await lens.locator(".lens-error-summary").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(foreignRequests(record), []);
  await context.close();
});

test("without 'wasm-unsafe-eval' the element explains what the administrator must allow", async () => {
  const context = await browser.newContext();
  await context.route("**/demo/csp.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(" 'wasm-unsafe-eval'", "");
    await route.fulfill({ response, body });
  });
  const { page } = await openPage(browser, "demo/csp.html", { context });
  await page.waitForFunction(() => window.__lensEvents.some((e) => e.type === "lens-error"));
  const [error] = await events(page, "lens-error");
  assert.equal(error.detail.code, "load-failed");
  assert.match(error.detail.message, /wasm-unsafe-eval/);
  const notice = page.locator("practice-lens .lens-notification--error");
  assert.match(await notice.textContent(), /Practice Lens is not available.*'wasm-unsafe-eval'/);
  await context.close();
});

test("hostile global CSS does not restyle the toolkit, and the toolkit leaves the host alone", async () => {
  const { page, context } = await openPage(browser, "demo/hostile.html");
  await readyEvents(page);
  // The start form has a heading, labels and a button to compare.
  await openTask(page, "practice-lens", "Audit a case");
  const styles = await page.evaluate(() => {
    const root = document.querySelector("practice-lens").shadowRoot;
    const style = (element) => {
      const computed = getComputedStyle(element);
      return { color: computed.color, fontSize: computed.fontSize };
    };
    return {
      title: style(root.querySelector(".lens-heading-l")),
      label: style(root.querySelector(".lens-label")),
      button: style(root.querySelector(".lens-button")),
      hostHeading: style(document.querySelector("h1")),
    };
  });
  assert.deepEqual(styles.title, { color: "rgb(11, 12, 12)", fontSize: "36px" });
  assert.deepEqual(styles.label, { color: "rgb(11, 12, 12)", fontSize: "19px" });
  assert.deepEqual(styles.button, { color: "rgb(255, 255, 255)", fontSize: "19px" });
  assert.equal(styles.hostHeading.color, "rgb(255, 0, 0)", "the host page keeps its own styles");
  await context.close();
});

test("two instances with different db-names keep separate data", async () => {
  const { page, context } = await openPage(browser, "demo/two-instances.html");
  const ready = await readyEvents(page, 2);
  assert.deepEqual(ready.map((e) => e.host).sort(), ["team-a", "team-b"]);
  await startAudit(page, "#team-a", "CF-TEAM-A", "Jo Bloggs");
  assert.equal(await page.locator("#team-b tbody tr").count(), 0);
  await page.locator("#team-b").getByText("No audits have been started on this device yet.").waitFor();

  await page.reload();
  await readyEvents(page, 2);
  await page.locator("#team-a tbody tr").first().waitFor();
  assert.match(await page.locator("#team-a tbody").textContent(), /CF-TEAM-A/);
  assert.equal(await page.locator("#team-b tbody tr").count(), 0);
  await page.locator("#team-b").getByText("No audits have been started on this device yet.").waitFor();
  await context.close();
});

test("when the element name is taken, the toolkit registers under a free name", async () => {
  const { page, record, context } = await openPage(browser, "demo/name-taken.html");
  const [ready] = await readyEvents(page);
  assert.equal(ready.host, "practice-lens-1");
  await page.locator("practice-lens-1").getByRole("heading", { name: "Practice Lens" }).waitFor();
  assert.equal(await page.locator("main > practice-lens").textContent(), "Another widget owns this element name.");
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("without IndexedDB the app keeps working in memory and says nothing will be kept", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { get: () => undefined });
  });
  const { page } = await openPage(browser, "index.html", { context });
  const [ready] = await readyEvents(page);
  assert.equal(ready.detail.storage, "memory");
  const [error] = await events(page, "lens-error");
  assert.equal(error.detail.code, "storage-unavailable");
  const warning = page.locator("practice-lens .lens-warning");
  assert.match(await warning.textContent(), /Nothing you enter will be kept/);
  await startAudit(page, "practice-lens", "CF-MEM-1", "Jo Bloggs");
  const lens = page.locator("practice-lens");
  await lens.locator("#lens-i-risk-narrative").fill("Held in memory only");
  const status = lens.locator(".lens-save-status");
  await status.filter({ hasText: /kept in this page only/ }).waitFor();
  assert.doesNotMatch(await status.textContent(), /^Saved/, "memory is never called saved");
  await page.locator("practice-lens").getByRole("button", { name: "Back to audits on this device" }).click();
  await page.locator("practice-lens tbody tr").first().waitFor();
  await context.close();
});

test("storage the browser refuses outright is explained in words a person can act on", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    };
  });
  const { page } = await openPage(browser, "index.html", { context });
  const [ready] = await readyEvents(page);
  assert.equal(ready.detail.storage, "memory");
  const warning = await page.locator("practice-lens .lens-warning").textContent();
  assert.match(warning, /site data may be blocked for this page by a setting or a policy/);
  assert.doesNotMatch(warning, /Version cannot be zero|Error/);
  await context.close();
});
