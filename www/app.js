// The demo page: files (dropped or picked) or pasted text go to verify();
// a report for each is shown below, in the language picked (the browser's
// by default). No framework, no build step.
import { init, verify } from "./pkg/index.js";
import { clear, el } from "./dom.js";
import { browserLanguages, pickLanguage, translator } from "./pkg/element/i18n.js";
import { renderFailure, renderReport } from "./render.js";
import { startTrustPanel } from "./trust-panel.js";
import { listedName, savedList } from "./trust-list.js";

const drop = document.getElementById("drop");
const file = document.getElementById("file");
const paste = document.getElementById("paste");
const offline = document.getElementById("offline");
const applicant = document.getElementById("applicant");
const button = document.getElementById("verify");
const status = document.getElementById("status");
const result = document.getElementById("result");
const language = document.getElementById("language");

/** The reports shown (with their names), kept to show again in another language. */
let shownReports = [];

/**
 * Verifies each input in turn (`inputs`: [{input, name}]) and shows one
 * report per input, or why the check could not run.
 */
async function check(inputs, what) {
  button.disabled = true;
  result.setAttribute("aria-busy", "true");
  status.textContent = `Checking ${what}…`;

  const chosen = options();
  const checked = [];
  for (const { input, name } of inputs) {
    try {
      checked.push({ name, report: await verify(input, chosen) });
    } catch (error) {
      checked.push({ name, error });
    }
  }
  shownReports = checked;
  const failed = checked.filter((entry) => entry.error).length;
  status.textContent = failed === 0 ? `Checked ${what}.` : `Could not check ${failed === checked.length ? what : `${failed} of ${what}`}.`;

  show(chosen);
  result.removeAttribute("aria-busy");
  button.disabled = false;
  result.firstElementChild?.scrollIntoView({ block: "start" });
}

/** Shows the kept reports in the chosen language; several files get a heading each. */
function show(chosen = options()) {
  const t = translator(language.value);
  const many = shownReports.length > 1;
  const views = shownReports.map(({ name, report, error }, index) => {
    const view = report
      ? renderReport(report, (issuer) => listedName(chosen.trustedIssuers, issuer), t, index)
      : renderFailure(error, t);
    return many ? el("section", { class: "file-report", "data-file": name }, [el("h2", { class: "file-name", text: name }), view]) : view;
  });
  clear(result);
  result.lang = t.language;
  result.append(...views);
  result.hidden = views.length === 0;
}

/** The options the page's fields ask for; the applicant and trust list only when given. */
function options() {
  const chosen = { offline: offline.checked, includeDocument: true };
  const expected = applicant.value.trim();
  if (expected) chosen.expectedRecipient = expected;
  const trusted = savedList();
  if (trusted) chosen.trustedIssuers = trusted;
  return chosen;
}

/** Every dropped or picked file is verified, each with its own report. */
function checkFiles(files) {
  if (files.length === 0) return;
  const what = files.length === 1 ? `“${files[0].name}”` : `${files.length} files`;
  check(files.map((file) => ({ input: file, name: file.name })), what);
}

function checkPasted() {
  const text = paste.value.trim();
  if (!text) {
    status.textContent = "Paste a credential first, or drop a file.";
    paste.focus();
    return;
  }
  check([{ input: text, name: "the pasted text" }], "the pasted text");
}

drop.addEventListener("click", () => file.click());
drop.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" && event.key !== " ") return;
  event.preventDefault();
  file.click();
});
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  checkFiles([...(event.dataTransfer?.files ?? [])]);
});

file.addEventListener("change", () => {
  checkFiles([...file.files]);
  file.value = "";
});
button.addEventListener("click", checkPasted);
language.value = pickLanguage(browserLanguages());
language.addEventListener("change", () => show());
startTrustPanel();

init().then(
  () => document.body.setAttribute("data-ready", ""),
  (error) => {
    clear(result);
    result.append(renderFailure(error, translator(language.value)));
    result.hidden = false;
  },
);
