// Importing other devices' bundles: three auditors' files previewed per file and per person,
// a conflict decided side by side, a refused record explained, all written at once; and an
// import interrupted by a reload leaves all of it or none of it.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";

import { launch, openPage, openTask, readyEvents, seedGolden, storedKeys, violations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

const GOLDEN = JSON.parse(await readFile(new URL("../fixtures/bundles/golden.json", import.meta.url), "utf8"));
const SCREENSHOTS = process.env.LENS_SCREENSHOTS === "1";

const clone = (value) => JSON.parse(JSON.stringify(value));
const entry = (id) => clone(GOLDEN.audits.find((candidate) => candidate.audit.id === id));
const bundle = (audits, moderations = []) =>
  JSON.stringify({ format: "practice-lens-bundle", format_version: 1, exported_at: "2027-01-04T09:00:00Z", templates: [], audits, moderations });
const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

// Copies golden audit `from` as a new audit `id` of case `caseReference`.
function newAudit(from, id, caseReference) {
  const copy = entry(from);
  copy.audit.id = id;
  copy.audit.case_reference = caseReference;
  return copy;
}

function threeAuditorsFiles() {
  const later = entry("golden-08");
  later.revision = 2;
  later.audit.follow_up = { reflective_discussion_on: "2026-07-01" };
  const sam = bundle([entry("golden-01"), later, newAudit("golden-01", "sam-10", "CF-10")]);
  const priya = bundle(
    [newAudit("golden-04", "priya-11", "CF-11")],
    [
      {
        revision: 1,
        updated_at: "2027-01-03T10:00:00Z",
        moderation: { ...clone(GOLDEN.moderations[0].moderation), id: "sam-10", audit_id: "sam-10", moderator: "Priya Shah" },
      },
    ],
  );
  const forked = entry("golden-05");
  forked.audit.case_reference = "CF-4 (Dev's laptop)";
  const dev = bundle(
    [forked],
    [
      {
        revision: 1,
        updated_at: "2027-01-03T10:00:00Z",
        moderation: { ...clone(GOLDEN.moderations[0].moderation), id: "golden-05", audit_id: "golden-05", moderator: "Dev Singh" },
      },
    ],
  );
  return [file("sam-patel.json", sam), file("priya-shah.json", priya), file("dev-singh.json", dev)];
}

test("three auditors' bundles: previewed per file and per person, a conflict kept both, a refusal explained, written at once", async () => {
  const { page, record } = await openPage(browser, "index.html");
  await readyEvents(page);
  await seedGolden(page, "practice-lens");
  await page.reload();
  await readyEvents(page);
  const lens = page.locator("practice-lens").first();
  await openTask(page, "practice-lens >> nth=0", "Import audits from other devices");
  await lens.getByRole("heading", { name: "Import audits from other devices" }).waitFor();
  assert.deepEqual(await violations(page), [], "the file chooser passes axe");

  await lens.getByLabel("Files to import").setInputFiles(threeAuditorsFiles());
  await lens.getByText("3 files chosen").waitFor();
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.getByRole("heading", { name: "What these files would do" }).waitFor();

  const byFile = await lens.locator("table:has(#lens-import-by-file) tbody tr").allInnerTexts();
  assert.deepEqual(
    byFile.map((row) => row.split("\t").map((cell) => cell.trim())),
    [
      ["sam-patel.json", "1", "1", "1", "0", "0"],
      ["priya-shah.json", "2", "0", "0", "0", "0"],
      ["dev-singh.json", "0", "0", "0", "1", "1"],
    ],
    "new, updated, unchanged, in conflict and refused, file by file",
  );
  const people = await lens.locator("table:has(#lens-import-by-person) tbody th").allInnerTexts();
  assert.deepEqual(people, ["Dev Singh", "Priya Shah", "Sam Patel"]);
  await lens.getByText("Dev Singh moderated their own audit. A moderation must be made by someone other than the auditor").waitFor();

  const conflict = lens.locator("section.lens-conflict");
  assert.equal(await conflict.count(), 1);
  assert.match(await conflict.innerText(), /Audit of case CF-4 by Dev Singh[\s\S]*Tracked case number\s+CF-4\s+CF-4 \(Dev's laptop\)/);
  assert.equal(await conflict.getByLabel("Take the copy in dev-singh.json").count(), 0, "a submitted audit is never replaced");
  assert.ok(await conflict.getByLabel("Keep this device's copy").isChecked(), "this device's copy is kept unless chosen");
  assert.equal(await lens.locator("#lens-import-apply").innerText(), "Import 4 records");
  assert.deepEqual(await violations(page), [], "the preview and the conflict pass axe");
  if (SCREENSHOTS) await page.screenshot({ path: "/tmp/lens-import-preview.png", fullPage: true, caret: "initial" });

  await conflict.getByLabel("Keep both: add the incoming one as a separate copy").check();
  await lens.getByRole("button", { name: "Import 5 records" }).click();
  await lens.getByRole("heading", { name: "5 records imported" }).waitFor();
  await lens.getByText("1 of them kept as separate copies beside this device's.").waitFor();
  assert.deepEqual(await violations(page), [], "the result passes axe");

  const keys = await storedKeys(page, "practice-lens");
  for (const key of ["audit/sam-10", "audit/priya-11", "moderation/sam-10"]) assert.ok(keys.includes(key), key);
  assert.ok(keys.some((key) => key.startsWith("audit/golden-05-copy-")), "the kept-both copy");
  assert.ok(!keys.includes("moderation/golden-05"), "the auditor's own moderation is not written");

  await lens.getByRole("button", { name: "Back to Home" }).click();
  await lens.getByRole("cell", { name: "CF-10" }).first().waitFor();
  assert.deepEqual(record.pageErrors, []);
});

test("an import interrupted by a reload leaves all of it or none of it", async () => {
  const { page } = await openPage(browser, "demo/csp.html");
  await readyEvents(page);
  const audits = [];
  for (let index = 0; index < 3000; index += 1) audits.push(newAudit("golden-02", `bulk-${index}`, `CF-B${index}`));
  const lens = page.locator("practice-lens");
  await openTask(page, "practice-lens", "Import audits from other devices");
  await lens.getByLabel("Files to import").setInputFiles([file("bulk.json", bundle(audits))]);
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.getByRole("button", { name: "Import 3,000 records" }).click();
  await lens.getByText(/^Writing 3000 records in one step/).waitFor();
  await page.reload();
  await readyEvents(page);
  const stored = (await storedKeys(page, "practice-lens-csp")).filter((key) => key.startsWith("audit/bulk-"));
  assert.ok(stored.length === 0 || stored.length === 3000, `all or nothing, found ${stored.length}`);

  // Whatever the reload left, importing again finishes the job with nothing doubled.
  await openTask(page, "practice-lens", "Import audits from other devices");
  await lens.getByLabel("Files to import").setInputFiles([file("bulk.json", bundle(audits))]);
  await lens.getByRole("button", { name: "Check these files" }).click();
  await lens.getByRole("heading", { name: "What these files would do" }).waitFor();
  if (stored.length === 0) {
    await lens.getByRole("button", { name: "Import 3,000 records" }).click();
    await lens.getByRole("heading", { name: "3,000 records imported" }).waitFor();
  } else {
    assert.equal(await lens.locator("#lens-import-apply").innerText(), "Nothing to import");
  }
  const after = (await storedKeys(page, "practice-lens-csp")).filter((key) => key.startsWith("audit/bulk-"));
  assert.equal(after.length, 3000);
});
