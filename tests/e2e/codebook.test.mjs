// A council's own theme codebook, on the strict-CSP page: one with problems is refused with each
// problem listed and nothing changed; a good one is checked, shown and used, Themes then reads
// the golden half year for its themes alone, it is still in use after a reload, and removing it
// brings the built-in codebook back. axe-core with zero violations on every state.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";

import { cutOff, launch, openPage, openTask, readyEvents, seedGolden, typeDate, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/codebook/", import.meta.url);
let browser;
before(async () => {
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

const shot = (page, name) =>
  process.env.LENS_SCREENSHOTS === "1" ? page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true }) : null;

const COUNCIL = {
  name: "Northshire practice themes",
  themes: [
    { id: "safety_plans", label: "Northshire safety plans", description: "Whether the child's safety plan is current and followed.", indicative_phrases: ["safety plan"] },
    { id: "schooling", label: "Northshire schooling", indicative_phrases: ["school", "attendance at school"] },
  ],
  abbreviations: { S47: "section 47 enquiry" },
};
const BROKEN = { themes: [{ id: "Bad Id", indicative_phrases: ["a"] }, { id: "respite", indicative_phrases: [] }] };
const LABELS = COUNCIL.themes.map((theme) => theme.label);

const file = (name, value) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(value)) });

async function themesOfHalfYear(page, lens) {
  await openTask(page, "practice-lens", "Themes");
  await typeDate(lens, "lens-themes-from", "2026-04-01");
  await typeDate(lens, "lens-themes-to", "2026-09-30");
  await lens.getByText("narratives read from 6 audits completed from 1 April 2026 to 30 September 2026.").waitFor();
}

test("a QA manager uses the council's own codebook for themes, after a refused one, and goes back to the built-in one", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens-csp");
  await page.reload();
  await readyEvents(page);
  const lens = page.locator("practice-lens");
  await themesOfHalfYear(page, lens);
  await lens.getByText("Read with the built-in codebook (17 themes).").waitFor();
  const builtIn = await lens.locator(".lens-theme h4").allTextContents();
  assert.ok(builtIn.length > 0 && builtIn.every((label) => !LABELS.includes(label)), builtIn.join(", "));

  await lens.getByRole("button", { name: "Change the theme codebook" }).click();
  await lens.getByRole("heading", { name: "Theme codebook", level: 3 }).waitFor();
  await lens.getByText(/^The built-in codebook: the seventeen themes/).waitFor();
  await shot(page, "built-in");
  assert.deepEqual(await violations(page), [], "the codebook screen");

  // Checked with no file chosen, then a codebook with problems: each is listed, nothing changes.
  await lens.getByRole("button", { name: "Check this codebook" }).click();
  await lens.getByRole("heading", { name: "There is a problem" }).waitFor();
  await page.waitForFunction(() => {
    const active = document.querySelector("practice-lens").shadowRoot.activeElement;
    return active?.classList.contains("lens-error-summary");
  });
  await lens.locator(".lens-error-summary").getByRole("link", { name: "Select a codebook file" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id), "lens-codebook-file");
  await lens.locator("#lens-codebook-file").setInputFiles(file("broken.json", BROKEN));
  await lens.getByRole("button", { name: "Check this codebook" }).click();
  const summary = lens.locator(".lens-error-summary");
  await summary.getByRole("heading", { name: "broken.json cannot be used: 2 problems" }).waitFor();
  const problems = await lens.locator("#lens-codebook-problems li").allTextContents();
  assert.equal(problems.length, 2, problems.join(" | "));
  assert.match(problems[0], /^Theme 1 has the id 'Bad Id': use 1 to 64 lower-case letters, digits or _$/);
  assert.equal(problems[1], "Theme 'respite' has no indicative phrases: add the words that signal it");
  await page.waitForFunction(() => {
    const active = document.querySelector("practice-lens").shadowRoot.activeElement;
    return active?.classList.contains("lens-error-summary");
  });
  await shot(page, "refused");
  assert.deepEqual(await violations(page), [], "a refused codebook");

  // The council's codebook: checked, shown, used.
  await lens.locator("#lens-codebook-file").setInputFiles(file("northshire.json", COUNCIL));
  await lens.getByRole("button", { name: "Check this codebook" }).click();
  await lens.getByRole("heading", { name: "northshire.json is a codebook Practice Lens can use" }).waitFor();
  const checked = lens.getByRole("table", { name: "The themes of Northshire practice themes" });
  assert.deepEqual(await checked.locator("tbody th").allTextContents(), LABELS);
  assert.deepEqual(await checked.locator("tbody td:last-child").allTextContents(), ["1", "2"]);
  await shot(page, "checked");
  assert.deepEqual(await violations(page), [], "a checked codebook");
  await lens.getByRole("button", { name: "Use this codebook" }).click();
  await lens.getByRole("heading", { name: "Your council's codebook is in use" }).waitFor();
  await lens.getByText("Your council's codebook, Northshire practice themes, with 2 themes.").waitFor();
  await shot(page, "in-use");
  assert.deepEqual(await violations(page), [], "the council's codebook in use");
  await page.setViewportSize({ width: 320, height: 800 });
  assert.deepEqual(await cutOff(page), [], "the codebook screen at 320 px");
  await shot(page, "in-use-320");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Themes reads for the council's themes alone, and still does after a reload.
  await lens.getByRole("button", { name: "Back to Themes" }).click();
  await lens.getByText("Read with your council's codebook, Northshire practice themes (2 themes).").waitFor();
  const council = await lens.locator(".lens-theme h4").allTextContents();
  assert.ok(council.includes("Northshire safety plans"), council.join(", "));
  assert.ok(council.every((label) => LABELS.includes(label)), council.join(", "));
  await shot(page, "themes-with-council-codebook");
  await page.reload();
  await readyEvents(page);
  await themesOfHalfYear(page, lens);
  await lens.getByText("Read with your council's codebook, Northshire practice themes (2 themes).").waitFor();

  // Removed: the built-in codebook again.
  await lens.getByRole("button", { name: "Change the theme codebook" }).click();
  await lens.getByRole("button", { name: "Remove it and use the built-in codebook" }).click();
  await lens.getByRole("heading", { name: "The built-in codebook is in use again" }).waitFor();
  await lens.getByText(/^The built-in codebook: the seventeen themes/).waitFor();
  await lens.getByRole("button", { name: "Back to Themes" }).click();
  await lens.getByText("Read with the built-in codebook (17 themes).").waitFor();
  assert.deepEqual(await lens.locator(".lens-theme h4").allTextContents(), builtIn);
  assert.deepEqual(record.pageErrors, []);
});
