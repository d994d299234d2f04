// Seeded fault injection: type into an audit, then at a random moment close the page, crash its
// renderer or kill the whole browser; reopen and compare what is stored with what was typed
// and with every "Saved at" the page showed.
//
// LENS_FAULT_SEED replays one run (a failure prints its seed and iteration);
// LENS_FAULT_ITERATIONS (default 80) and LENS_FAULT_KILLS (default 10 of them kill the whole
// browser) run more. The figures are printed at the end and kept in RELIABILITY.md.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { BASE_URL, readyEvents, startAudit, storedNarrative } from "./harness.mjs";

const SEED = Number(process.env.LENS_FAULT_SEED ?? 20261201);
const ITERATIONS = Number(process.env.LENS_FAULT_ITERATIONS ?? 80);
const KILLS = Number(process.env.LENS_FAULT_KILLS ?? 10);
const CHROMIUM = process.env.LENS_CHROMIUM ?? "/usr/bin/chromium";
const DB = "practice-lens-csp";
const PAGE = new URL("demo/csp.html", BASE_URL).href;
const NARRATIVE = "#lens-i-risk-narrative";
const WORDS = ["risk ", "plan ", "visit ", "mother ", "school ", "safety ", "review ", "voice ", "drift ", "a ", "the "];

// Mulberry32: small, seeded, the same on every machine.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A Chromium of our own on a persistent profile, so the whole browser can be killed and the
// same IndexedDB opened again.
async function startBrowser(profile) {
  const child = spawn(CHROMIUM, [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", `--user-data-dir=${profile}`,
    "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise((resolve, reject) => {
    let text = "";
    child.stderr.on("data", (chunk) => {
      text += chunk;
      const found = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", () => reject(new Error(`chromium exited before it listened: ${text}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { child, browser, context: browser.contexts()[0] };
}

function killBrowser(running) {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null || running.child.signalCode !== null) return resolve();
    running.child.once("exit", resolve);
    running.child.kill("SIGKILL");
  });
}

// The demo page in a new tab of `context`, once the element is ready.
async function openDemo(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lensEvents = [];
    document.addEventListener("lens-ready", (event) => window.__lensEvents.push({ type: "lens-ready", detail: event.detail }));
  });
  await page.goto(PAGE);
  await readyEvents(page);
  return page;
}

// Opens the audit and puts the caret at the end of the narrative, noting every value the field
// held each time the status turned to "Saved at".
async function openAudit(context) {
  const page = await openDemo(context);
  const lens = page.locator("practice-lens");
  await lens.locator("tbody .lens-link-button").first().click();
  await lens.locator(NARRATIVE).click();
  await lens.locator(NARRATIVE).press("Control+End");
  await page.evaluate(() => {
    const root = document.querySelector("practice-lens").shadowRoot;
    const status = root.querySelector(".lens-save-status");
    window.__savedShown = [];
    new MutationObserver(() => {
      if (/^Saved at/.test(status.textContent)) window.__savedShown.push(root.querySelector("#lens-i-risk-narrative").value);
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  return page;
}

test(`seeded faults while typing lose nothing shown as saved (seed ${SEED}, ${ITERATIONS} runs)`, { timeout: 30 * 60_000 }, async () => {
  const next = random(SEED);
  const profile = await mkdtemp(join(tmpdir(), "lens-faults-"));
  let running = await startBrowser(profile);
  const figures = { runs: 0, closed: 0, crashed: 0, killed: 0, savedButLost: 0, longestLostMs: 0, charactersTyped: 0, charactersLost: 0 };
  try {
    {
      const page = await openDemo(running.context);
      await startAudit(page, "practice-lens", "CF-FAULTS", "Jo Bloggs");
      await page.close();
    }
    let base = "";
    let page = await openAudit(running.context);
    const killEvery = Math.max(1, Math.floor(ITERATIONS / Math.max(KILLS, 1)));
    for (let run = 0; run < ITERATIONS; run += 1) {
      const where = `seed ${SEED}, run ${run}`;
      const fault = KILLS > 0 && run % killEvery === killEvery - 1 && figures.killed < KILLS
        ? "kill" : next() < 0.5 ? "close" : "crash";

      // Type words at a random pace (some fast, some with pauses) and fault at a random moment.
      const pace = 20 + Math.floor(next() * 260);
      // Most faults come early; a quarter come after the longest wait autosave allows.
      const faultAfter = next() < 0.75 ? 100 + Math.floor(next() * 800) : 2_000 + Math.floor(next() * 1_200);
      let text = "";
      while (text.length < 400) text += WORDS[Math.floor(next() * WORDS.length)];
      const sentAt = [];
      const faultAt = Date.now() + faultAfter;
      const typist = (async () => {
        for (const character of text) {
          if (Date.now() >= faultAt) return;
          await page.keyboard.type(character);
          sentAt.push(Date.now());
          await new Promise((resolve) => setTimeout(resolve, pace * (next() < 0.1 ? 6 : 1)));
        }
      })().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, faultAt - Date.now())));
      const shown = await page.evaluate(() => window.__savedShown).catch(() => []);
      const faultedAt = Date.now();
      if (fault === "close") {
        await page.close({ runBeforeUnload: false });
        figures.closed += 1;
      } else if (fault === "crash") {
        const cdp = await page.context().newCDPSession(page);
        const crashed = new Promise((resolve) => page.once("crash", resolve));
        cdp.send("Page.crash").catch(() => {});
        await crashed;
        await page.close().catch(() => {});
        figures.crashed += 1;
      } else {
        await killBrowser(running);
        running = await startBrowser(profile);
        figures.killed += 1;
      }
      await typist;

      // Reopen: what is stored, and what the form opens with.
      page = await openAudit(running.context);
      const now = await storedNarrative(page, DB);
      const typed = text.slice(0, sentAt.length);
      assert.ok(now !== null, `${where}: the audit is still stored`);
      assert.equal(await page.locator("practice-lens").locator(NARRATIVE).inputValue(), now, `${where}: the form opens what is stored`);
      assert.ok(now.startsWith(base), `${where}: what was stored before is kept (${JSON.stringify(now)})`);
      const added = now.slice(base.length);
      assert.ok(typed.startsWith(added), `${where}: what is stored is what was typed (${JSON.stringify(added)} of ${JSON.stringify(typed)})`);
      const lastShown = shown.at(-1);
      if (lastShown !== undefined && !now.startsWith(lastShown)) figures.savedButLost += 1;
      assert.ok(lastShown === undefined || now.startsWith(lastShown),
        `${where} (${fault}): "Saved at" was shown with ${JSON.stringify(lastShown)} but ${JSON.stringify(now)} is stored`);
      if (added.length < typed.length) {
        figures.longestLostMs = Math.max(figures.longestLostMs, faultedAt - sentAt[added.length]);
      }
      figures.runs += 1;
      figures.charactersTyped += typed.length;
      figures.charactersLost += typed.length - added.length;
      base = now;
      // Keep the narrative short enough that the field never fills.
      if (base.length > 15_000) {
        await page.locator("practice-lens").locator(NARRATIVE).fill("");
        await page.locator("practice-lens .lens-save-status").filter({ hasText: /^Saved at/ }).waitFor();
        base = "";
      }
    }
    await page.close();
  } finally {
    console.log(`fault injection: ${JSON.stringify(figures)}`);
    await running.browser.close().catch(() => {});
    await killBrowser(running).catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
  assert.equal(figures.savedButLost, 0);
  assert.ok(figures.killed >= Math.min(KILLS, ITERATIONS), `${figures.killed} whole-browser kills`);
  // Saves come at most 2 s apart while typing goes on; a fault can land just before one commits.
  assert.ok(figures.longestLostMs <= 2_600, `at most about 2 s of typing lost, not ${figures.longestLostMs} ms`);
});
