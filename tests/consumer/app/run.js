// Shared by the Vite page and the plain page: verifies every record named in
// records/index.json (offline, at a fixed instant) with the API and with the
// <cler-verifier> element, and shows both sets of verdicts.
const NOW = "2026-12-01T00:00:00Z";

/** Runs both ways of verifying, then marks the page done. */
export async function verifyListedRecords(verify) {
  const names = await (await fetch("./records/index.json")).json();
  await withApi(verify, names);
  await withElements(names);
  document.body.dataset.done = "";
}

/** Verifies each record with `verify` and writes {name: verdict} into #verdicts. */
async function withApi(verify, names) {
  const verdicts = {};
  for (const name of names) {
    const text = await (await fetch(`./records/${name}`)).text();
    const report = await verify(text, { offline: true, now: NOW });
    verdicts[name] = report.verdict;
  }
  document.getElementById("verdicts").textContent = JSON.stringify(verdicts);
}

/**
 * Shows each record in a <cler-verifier src=…> element and writes
 * {name: verdict} from its `verified` (or `error`) event into #element-verdicts.
 */
async function withElements(names) {
  const verdicts = {};
  const shown = names.map((name) => new Promise((resolve) => {
    const element = document.createElement("cler-verifier");
    element.addEventListener("verified", (event) => resolve([name, event.detail.verdict]), { once: true });
    element.addEventListener("error", (event) => resolve([name, `error: ${event.detail.message}`]), { once: true });
    element.setAttribute("offline", "");
    element.setAttribute("now", NOW);
    element.setAttribute("src", `./records/${name}`);
    document.body.append(element);
  }));
  for (const [name, verdict] of await Promise.all(shown)) verdicts[name] = verdict;
  document.getElementById("element-verdicts").textContent = JSON.stringify(verdicts);
}
