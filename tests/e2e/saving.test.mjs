// "Saved" means saved: typing that never pauses is still saved, the page being hidden saves at
// once, leaving with unsaved work is warned, "Saved at" never shows while the newest keys are
// only on screen, and a deleted database or a full disk loses nothing typed.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { allSaved, launch, openPage, readyEvents, startAudit, storedNarrative } from "./harness.mjs";

const DB = "practice-lens-csp";
const NARRATIVE = "#lens-i-risk-narrative";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The risk narrative of the demo page's one audit ("" when none is stored yet).
async function stored(page) {
  return (await storedNarrative(page, DB)) ?? "";
}

async function openNewAudit(caseReference) {
  const opened = await openPage(browser, "demo/csp.html");
  await readyEvents(opened.page);
  await startAudit(opened.page, "practice-lens", caseReference, "Jo Bloggs");
  const lens = opened.page.locator("practice-lens");
  await lens.locator(NARRATIVE).click();
  return { ...opened, lens };
}

test("typing that never pauses is saved at least every two seconds", async () => {
  const { page, context } = await openNewAudit("CF-STEADY");
  // 120 ms a key never leaves the 500 ms pause autosave waits for.
  const typing = page.keyboard.type("Steady typing with no pause at all, on and on for seconds.", { delay: 120 });
  await page.waitForTimeout(3_500);
  const meanwhile = await stored(page);
  assert.ok(meanwhile.length >= 8, `after 3.5 s of typing ${JSON.stringify(meanwhile)} is stored`);
  await typing;
  await allSaved(page.locator("practice-lens"));
  assert.equal(await stored(page), "Steady typing with no pause at all, on and on for seconds.");
  await context.close();
});

test("hiding the page saves what is typed at once, and leaving with unsaved work is warned", async () => {
  const { page, context, lens } = await openNewAudit("CF-HIDDEN");
  await page.keyboard.type("Seen at home");
  // The tab is switched away from within the pause: it is saved now, not half a second later.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.waitForTimeout(250);
  assert.equal(await stored(page), "Seen at home");
  await allSaved(lens);

  await page.keyboard.type(" with her mother");
  const dialog = new Promise((resolve) => page.once("dialog", resolve));
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  assert.equal(asked.type(), "beforeunload", "the browser asks before unsaved typing is left");
  await asked.dismiss();
  await allSaved(lens);
  await page.close({ runBeforeUnload: true });
  await context.close();
});

test("Saved is shown only when what is on screen is what is stored, even on a slow machine", async () => {
  const { page, context, lens } = await openNewAudit("CF-SLOW");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  // Each time the status turns to "Saved at", note what the field holds at that instant.
  await page.evaluate(() => {
    const root = document.querySelector("practice-lens").shadowRoot;
    const status = root.querySelector(".lens-save-status");
    window.__savedShown = [];
    new MutationObserver(() => {
      if (/^Saved at/.test(status.textContent)) window.__savedShown.push(root.querySelector("#lens-i-risk-narrative").value);
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  for (let burst = 0; burst < 8; burst += 1) {
    await page.keyboard.type(`b${burst} `, { delay: 30 + (burst % 4) * 60 });
    await page.waitForTimeout(300 + (burst % 3) * 150);
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await allSaved(lens);
  const shown = await page.evaluate(() => window.__savedShown);
  assert.ok(shown.length >= 3, `"Saved at" was shown ${shown.length} times`);
  const kept = await stored(page);
  assert.equal(kept, await lens.locator(NARRATIVE).inputValue());
  assert.equal(shown.at(-1), kept, "the last Saved shown is what is stored");
  await context.close();
});

test("a database deleted while an audit is open is said in words, and nothing typed is lost", async () => {
  const { page, context, lens } = await openNewAudit("CF-CLEARED");
  await page.keyboard.type("Typed before the data was cleared.");
  await allSaved(lens);
  // As the browser's "clear site data" does, with the page still open.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send("Storage.clearDataForOrigin", { origin, storageTypes: "indexeddb" });
  await page.keyboard.type(" And typed after.");
  const alert = lens.getByRole("heading", { name: "The data kept in this browser was deleted" });
  await alert.waitFor();
  const status = await lens.locator(".lens-save-status").textContent();
  assert.doesNotMatch(status, /another tab|Reload/, status);
  assert.equal(await lens.locator(NARRATIVE).inputValue(), "Typed before the data was cleared. And typed after.");

  const download = page.waitForEvent("download");
  await lens.getByRole("button", { name: "Download this audit", exact: true }).click();
  const file = await download;
  const bundle = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
  assert.equal(bundle.audits[0].audit.responses.risk.narrative, "Typed before the data was cleared. And typed after.");

  await lens.getByRole("button", { name: "Save it on this device again" }).click();
  await allSaved(lens);
  await page.reload();
  await readyEvents(page);
  await lens.locator("tbody .lens-link-button").first().click();
  assert.equal(await lens.locator(NARRATIVE).inputValue(), "Typed before the data was cleared. And typed after.");
  await context.close();
});

test("a full disk says what to do, keeps the typing, and saving works again once space is freed", { timeout: 120_000 }, async () => {
  const { page, context, lens } = await openNewAudit("CF-FULL");
  await page.keyboard.type("Typed while there was room.");
  await allSaved(lens);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: 1 });
  await page.keyboard.type(" Typed with the disk full.");
  // Chromium rechecks the space left about every 30 s: type on until a write is refused.
  const status = lens.locator(".lens-save-status");
  for (let second = 0; second < 60 && !/^Not saved/.test(await status.textContent()); second += 2) {
    await page.keyboard.type(".");
    await page.waitForTimeout(2_000);
  }
  const words = await status.textContent();
  assert.match(words, /no space left/, words);
  assert.doesNotMatch(words, /QuotaExceededError|Error:/, words);
  await lens.getByRole("button", { name: "Download what you typed" }).waitFor();

  await cdp.send("Storage.overrideQuotaForOrigin", { origin });
  await lens.getByRole("button", { name: "Try saving again" }).click();
  await allSaved(lens);
  await lens.locator(NARRATIVE).press("Control+End");
  await page.keyboard.type(" And after.");
  await allSaved(lens);
  const typed = await lens.locator(NARRATIVE).inputValue();
  assert.match(typed, /^Typed while there was room\. Typed with the disk full\.+ And after\.$/);
  assert.equal(await stored(page), typed);
  await context.close();
});
