// Practice Lens demo page: "Try it with example data". Fills a separate data set with a bundle
// from the seeded generator, through the element's own methods, and opens the QA desk on it.
// It only ever imports once the element's db-name is the example data set, so it cannot write
// into anyone's real data; "Clear example data" deletes that data set and nothing else.

import "./practice-lens.js";

const EXAMPLE_DB = "practice-lens-example";
const element = document.getElementById("practice-lens-main");
const ownDb = element.getAttribute("db-name") || "practice-lens";
const form = document.getElementById("example-data");
const seedInput = document.getElementById("example-seed");
const seedError = document.getElementById("example-seed-error");
const status = document.getElementById("example-status");
const backButton = document.getElementById("example-back");
const clearButton = document.getElementById("example-clear");

function say(text) {
  status.textContent = text;
}

// Switches the element to another data set and waits until it has opened it.
function openDataSet(dbName, view) {
  element.setAttribute("view", view);
  if (element.getAttribute("db-name") === dbName) return Promise.resolve();
  const opened = new Promise((resolve) => element.addEventListener("lens-ready", resolve, { once: true }));
  element.setAttribute("db-name", dbName);
  return opened;
}

function readSeed() {
  const text = seedInput.value.trim();
  const valid = /^\d{1,15}$/.test(text);
  seedError.hidden = valid;
  seedInput.setAttribute("aria-invalid", valid ? "false" : "true");
  return valid ? Number(text) : null;
}

function setBusy(busy) {
  for (const control of form.querySelectorAll("button, input")) control.disabled = busy;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const seed = readSeed();
  if (seed === null) {
    seedInput.focus();
    return;
  }
  setBusy(true);
  try {
    say("Generating three months of example audits from seed " + seed + "…");
    const bundle = await element.exampleBundle(seed);
    await openDataSet(EXAMPLE_DB, "qa-desk");
    if (element.getAttribute("db-name") !== EXAMPLE_DB) {
      throw new Error("the example data set could not be opened, so nothing was written");
    }
    say("Importing the example data into the separate data set “" + EXAMPLE_DB + "”…");
    const summary = await element.importBundle(bundle);
    say(
      "Example data from seed " + seed + " is in the separate data set “" + EXAMPLE_DB + "”: " +
        summary.total.new + " records added, " + summary.total.unchanged + " already there. " +
        "Your own data has not been touched.",
    );
  } catch (error) {
    say("The example data was not made: " + error.message);
  } finally {
    setBusy(false);
  }
});

backButton.addEventListener("click", async () => {
  await openDataSet(ownDb, "home");
  say("Showing your own data again. The example data is kept until you clear it.");
});

clearButton.addEventListener("click", async () => {
  setBusy(true);
  try {
    await openDataSet(ownDb, "home");
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(EXAMPLE_DB);
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
      request.onblocked = () => say("Waiting for other tabs showing the example data to close it…");
    });
    say("The example data has been deleted. Your own data has not been touched.");
  } catch (error) {
    say("The example data could not be deleted: " + (error && error.message ? error.message : error));
  } finally {
    setBusy(false);
  }
});
