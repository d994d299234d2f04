// The quarterly QA report on the strict-CSP page: written from the Reports screen for the golden
// half year, its findings drafted from the themes with quotes that open their audits and come
// back to the same text, kept as a draft, refused sign-off without a name, signed off with the
// keyboard, reopened unchanged after 55 more audits of the same period arrive, printed to PDF
// with the organisation and period on its pages, and axe-core with zero violations throughout.

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { foreignRequests, launch, openPage, openTask, readyEvents, seedGolden, typeDate, violations } from "./harness.mjs";

const SHOTS = new URL("../../target/e2e-screens/qa-report/", import.meta.url);
const DESK_TEXT = await readFile(new URL("../fixtures/bundles/desk.json", import.meta.url), "utf8");
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

const TITLE = "QA report: 1 April 2026 to 30 September 2026";
const FIGURES = "6 audits completed from 1 April 2026 to 30 September 2026.";

test("a QA manager drafts the half year's report from its themes, signs it off, and it reopens unchanged after more audits arrive", async () => {
  const { page, record } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens-csp");
  await page.reload();
  await readyEvents(page);
  const csp = () => page.evaluate(() => window.__cspViolations.length);
  let cspSeen = 0;
  const accessible = async (label) => {
    assert.equal(await csp(), cspSeen, `no CSP violation ${label}`);
    assert.deepEqual(await violations(page), [], label);
    cspSeen = await csp();
  };
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Reports");
  // The quick periods: this quarter is what Reports opens on; one press gives the financial year.
  const quick = (name) => lens.getByRole("group", { name: "Quick periods" }).getByRole("button", { name });
  assert.equal(await quick("This quarter").getAttribute("aria-pressed"), "true");
  await quick("This financial year").click();
  assert.equal(await quick("This financial year").getAttribute("aria-pressed"), "true");
  assert.deepEqual(
    [await lens.locator("#lens-report-from-day").inputValue(), await lens.locator("#lens-report-from-month").inputValue()],
    ["1", "4"],
  );
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-09-30");
  await lens.getByText(FIGURES).first().waitFor();
  await lens.getByRole("button", { name: "Write the QA report for this period" }).click();
  await lens.getByRole("heading", { name: TITLE }).waitFor();
  const good = lens.locator("#lens-qa-good-practice");
  const improve = lens.locator("#lens-qa-areas-for-improvement");
  // The findings are drafted once the themes arrive: counts of audits out of the six.
  await page.waitForFunction(() => {
    const box = document.querySelector("practice-lens").shadowRoot.querySelector("#lens-qa-good-practice");
    return box && box.value.length > 0;
  });
  const drafted = await good.inputValue();
  assert.match(drafted, /of 6 audits \(\d+%\)/, drafted);
  assert.match(await improve.inputValue(), /of 6 audits|No theme was found/);
  await lens.getByText(FIGURES).first().waitFor();
  assert.equal(await lens.getByText("built trust").count(), 0, "a reflection's words are never read");
  await shot(page, "drafted");
  await accessible("on the drafted report");

  // Edited, then a quote's audit opened and closed: the edit is still there.
  await good.fill(`${drafted}\n\nSupervision records were consistently reflective.`);
  const evidence = lens.locator("#lens-qa-good-practice-evidence");
  await evidence.locator("summary").click();
  const open = evidence.locator(".lens-theme__open").first();
  const [, caseReference] = (await open.textContent()).match(/^Open (\S+) at (.+)$/);
  await open.click();
  await lens.getByText(caseReference, { exact: true }).first().waitFor();
  await lens.getByRole("button", { name: "Back to the QA report" }).click();
  await lens.getByRole("heading", { name: TITLE }).waitFor();
  assert.match(await good.inputValue(), /Supervision records were consistently reflective\.$/);

  // Another period asked for while this one is unsaved: the person is asked first, the page
  // still warns before it is left, and going back finds the text as it was.
  await lens.getByRole("button", { name: "Back to reports" }).click();
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-06-30");
  await lens.getByText(/audits? completed from 1 April 2026 to 30 June 2026\./).first().waitFor();
  await lens.getByRole("button", { name: "Write the QA report for this period" }).click();
  await lens.getByRole("heading", { name: "You have a QA report with changes not saved" }).waitFor();
  assert.equal(await lens.getByText("The QA report for 1 April 2026 to 30 September 2026 has changes").count(), 1);
  await shot(page, "unsaved-elsewhere");
  await accessible("when another report is unsaved");
  const leaving = new Promise((resolve) => page.once("dialog", resolve));
  await page.close({ runBeforeUnload: true });
  const asked = await leaving;
  assert.equal(asked.type(), "beforeunload", "the unsaved report is warned of away from its screen");
  await asked.dismiss();
  await lens.locator("#lens-qa-back-to-draft").click();
  await lens.getByRole("heading", { name: TITLE }).waitFor();
  assert.match(await good.inputValue(), /Supervision records were consistently reflective\.$/);

  // Saved as a draft, it is listed on Reports and opens as it was left.
  await lens.locator("#lens-qa-save").click();
  await lens.getByText("Draft saved on this device.").waitFor();
  await lens.getByRole("button", { name: "Back to reports" }).click();
  const listed = lens.locator("section[aria-labelledby='lens-qa-reports-title'] tbody tr");
  await listed.first().waitFor();
  assert.equal(await listed.count(), 1);
  assert.match(await listed.first().textContent(), /Draft/);
  await listed.first().getByRole("button").click();
  await lens.getByRole("heading", { name: TITLE }).waitFor();
  assert.match(await good.inputValue(), /consistently reflective\.$/);

  // No name: the sign-off is refused with the GOV.UK error summary.
  await lens.locator("#lens-qa-author").fill("");
  await lens.locator("#lens-qa-sign").click();
  const summary = lens.locator(".lens-error-summary");
  await summary.getByText("Enter your name as the person signing the report off").waitFor();
  await shot(page, "refused");
  await accessible("with the sign-off refused");

  // Signed off with the keyboard alone: the summary's link moves focus to the name.
  await summary.getByText("Enter your name as the person signing the report off").focus();
  await page.keyboard.press("Enter");
  const focused = await page.evaluate(() => document.querySelector("practice-lens").shadowRoot.activeElement?.id);
  assert.equal(focused, "lens-qa-author");
  await page.keyboard.type("Dana Morgan");
  await lens.locator("#lens-qa-sign").focus();
  await page.keyboard.press("Enter");
  await lens.getByText(/by Dana Morgan on \d+ \w+ \d{4}\. The figures are as they were that day\./).waitFor();
  const signedText = await lens.locator(".lens-qa-report").innerText();
  assert.match(signedText, /Supervision records were consistently reflective\./);
  assert.match(signedText, /6 audits completed from 1 April 2026 to 30 September 2026\./);
  // The three questions at a glance, over all six audits, as the report counted them.
  assert.match(signedText, /Audits completed\s+6\n/);
  assert.match(signedText, /Judged good or better overall\s+4 of 6 \(67%\)/);
  // Every standard by grade in one grid, its overall row agreeing with the glance above.
  const overallRow = lens.locator("section.lens-grade-grid tbody tr").first();
  assert.match(await overallRow.innerText(), /^Overall judgement[^\n]*\t.*67%$/s);
  assert.equal(await lens.locator("#lens-report-grade-grid").count(), 1);
  assert.equal(await lens.locator("textarea").count(), 0, "a signed report has nothing to edit");
  // The QA cycle: August a reflection month, each auditor against the ten a half year expects.
  const cycleRows = async (name) =>
    (await lens.getByRole("table", { name }).locator("tbody tr").allInnerTexts()).map((row) => row.split("\t").map((cell) => cell.trim()));
  const months = await cycleRows("Month by month");
  assert.deepEqual(months.map(([month, place]) => `${month} ${place}`), [
    "Apr 2026 Audit month", "May 2026 Audit month", "Jun 2026 Audit month",
    "Jul 2026 Audit month", "Aug 2026 Reflection month", "Sep 2026 Audit month",
  ]);
  assert.equal(months.reduce((sum, row) => sum + Number(row[2]), 0), 6);
  assert.deepEqual(await cycleRows("Each auditor's audits against expected"), [
    ["Dev Singh", "1", "10", "9 still to do"],
    ["Priya Shah", "2", "10", "8 still to do"],
    ["Sam Patel", "3", "10", "7 still to do"],
  ]);
  await shot(page, "signed");
  await accessible("on the signed report");

  // Printed to PDF on A4: the organisation's period on every page, with page numbers.
  await page.evaluate(() => {
    window.print = () => {};
  });
  await lens.locator("#lens-qa-print").click();
  const rule = await page.evaluate(() =>
    [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).find((text) => text.startsWith("@page")),
  );
  assert.match(rule, /@top-left \{ content: "QA report: 1 April 2026 to 30 September 2026 \(All teams, all templates\)"/, rule);
  assert.match(rule, /counter\(pages\)/);
  assert.match(rule, /OFFICIAL-SENSITIVE/);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 12, `the report prints on a few pages, not ${pages}`);
  await page.emulateMedia({ media: "screen" });

  // 55 more audits of the same half year arrive: the live report counts them, the signed one does not.
  const element = page.locator("practice-lens").first();
  const imported = await element.evaluate((lens, text) => lens.importBundle(text), DESK_TEXT);
  assert.ok(imported.written > 100, `the desk's audits were written: ${imported.written}`);
  await page.reload();
  await readyEvents(page);
  await openTask(page, "practice-lens", "Reports");
  await typeDate(lens, "lens-report-from", "2026-04-01");
  await typeDate(lens, "lens-report-to", "2026-09-30");
  await lens.getByText("61 audits completed from 1 April 2026 to 30 September 2026.").first().waitFor();
  const kept = lens.locator("section[aria-labelledby='lens-qa-reports-title'] tbody tr").first();
  assert.match(await kept.textContent(), /Signed off by Dana Morgan/);
  await kept.getByRole("button").click();
  await lens.getByRole("heading", { name: TITLE }).waitFor();
  assert.equal(await lens.locator(".lens-qa-report").innerText(), signedText, "the signed report is as it was signed");
  await shot(page, "reopened");
  assert.deepEqual(foreignRequests(record), []);
  assert.deepEqual(record.pageErrors, []);
});
