// Shared by the Vite page and the plain page: verifies every record named in
// records/index.json (offline, at a fixed instant) and shows the verdicts.
const NOW = "2026-12-01T00:00:00Z";

/** Verifies each listed record with `verify` and writes {name: verdict} into #verdicts. */
export async function verifyListedRecords(verify) {
  const names = await (await fetch("./records/index.json")).json();
  const verdicts = {};
  for (const name of names) {
    const text = await (await fetch(`./records/${name}`)).text();
    const report = await verify(text, { offline: true, now: NOW });
    verdicts[name] = report.verdict;
  }
  document.getElementById("verdicts").textContent = JSON.stringify(verdicts);
  document.body.dataset.done = "";
}
