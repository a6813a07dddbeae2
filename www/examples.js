// The examples page, API cases: each runs verify() on a sample record as
// its code snippet shows and puts the verdict in its <output>. Nothing here
// parses markup; report text goes in as text.
import { verify } from "./pkg/index.js";
import { clear, el } from "./dom.js";

/** The test issuer of the sample records (a public test key). */
const SAMPLE_ISSUER = "did:key:z6MkjEsN8LkzYbUeZERodHvrw6HFPjRi8cLuKMHgHzptxEXk";

const sampleUrl = (name) => new URL(`samples/${name}`, document.baseURI).href;

async function sampleText(name) {
  const response = await fetch(sampleUrl(name));
  if (!response.ok) throw new Error(`samples/${name}: HTTP ${response.status}`);
  return response.text();
}

/** Each case by its output's data-run name: resolves to the report it shows. */
const CASES = {
  json: async () => verify(await sampleText("badge.json")),
  url: () => verify(sampleUrl("badge.json")),
  jwt: async () => verify(await sampleText("badge.jwt")),
  offline: async () => verify(await sampleText("https-issuer.json"), { offline: true }),
  "recipient-match": async () =>
    verify(await sampleText("badge.json"), { expectedRecipient: { identity: "Sam Learner", type: "name" } }),
  "recipient-other": async () =>
    verify(await sampleText("badge.json"), { expectedRecipient: { identity: "Alex Other", type: "name" } }),
  trust: async () =>
    verify(await sampleText("badge.json"), {
      trustedIssuers: [{ id: SAMPLE_ISSUER, name: "Example University" }],
    }),
  checks: async () => verify(await sampleText("badge-tampered.json")),
};

/** What each case lists under its verdict, beyond the headline. */
const DETAILS = {
  url: (report) => lookupLines(report),
  offline: (report) => lookupLines(report),
  "recipient-match": (report) => checkLines(report, "recipient"),
  "recipient-other": (report) => checkLines(report, "recipient"),
  trust: (report) => checkLines(report, "trust"),
  checks: (report) => checkLines(report),
};

function checkLines(report, only) {
  return report.checks
    .filter((check) => !only || check.id === only)
    .map((check) => {
      const code = check.problem ? ` (${check.problem.code})` : "";
      return el("li", { "data-check": check.id, "data-outcome": check.outcome, text: `${check.outcome} ${check.id}: ${check.message}${code}` });
    });
}

function lookupLines(report) {
  return (report.lookups ?? []).map((lookup) =>
    el("li", { "data-outcome": lookup.outcome, text: `${lookup.outcome}: ${lookup.url} (${lookup.purpose})` }),
  );
}

/** Shows a report (or the error that stopped the case) in `output`. */
function show(output, report, error) {
  clear(output);
  if (error) {
    output.className = "failure";
    output.dataset.verdict = "error";
    output.append(el("span", { class: "verdict", text: "Error" }), error.message);
    return;
  }
  const details = DETAILS[output.dataset.run]?.(report) ?? [];
  output.className = report.verdict;
  output.dataset.verdict = report.verdict;
  output.append(el("span", { class: "verdict", text: report.verdict }), report.headline);
  if (details.length) output.append(el("ul", {}, details));
}

async function run(output, produce) {
  output.textContent = "Checking…";
  try {
    show(output, await produce());
  } catch (error) {
    show(output, undefined, error);
  }
}

const outputs = [...document.querySelectorAll("output[data-run]")];
for (const output of outputs) {
  const produce = CASES[output.dataset.run];
  if (produce) run(output, produce);
}

const fileInput = document.getElementById("file-input");
const fileOutput = document.querySelector('output[data-run="file"]');
fileInput.addEventListener("change", () => {
  const [file] = fileInput.files;
  if (file) run(fileOutput, () => verify(file));
});
document.body.dataset.ready = "";
