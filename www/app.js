// The demo page: a file (dropped or picked) or pasted text goes to
// verify(); the report is shown below. No framework, no build step.
import { init, verify } from "./pkg/index.js";
import { clear } from "./dom.js";
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

/** Verifies one input and shows the report (or why the check could not run). */
async function check(input, name) {
  button.disabled = true;
  result.setAttribute("aria-busy", "true");
  status.textContent = `Checking ${name}…`;

  let shown;
  try {
    const chosen = options();
    const report = await verify(input, chosen);
    shown = renderReport(report, (issuer) => listedName(chosen.trustedIssuers, issuer));
    status.textContent = `Checked ${name}.`;
  } catch (error) {
    shown = renderFailure(error);
    status.textContent = `Could not check ${name}.`;
  }

  clear(result);
  result.append(shown);
  result.hidden = false;
  result.removeAttribute("aria-busy");
  button.disabled = false;
  shown.scrollIntoView({ block: "start" });
}

/** The options the page's fields ask for; the applicant and trust list only when given. */
function options() {
  const chosen = { offline: offline.checked };
  const expected = applicant.value.trim();
  if (expected) chosen.expectedRecipient = expected;
  const trusted = savedList();
  if (trusted) chosen.trustedIssuers = trusted;
  return chosen;
}

function checkFiles(files) {
  const [first] = files;
  if (!first) return;
  const more = files.length > 1 ? ` (the first of ${files.length} files)` : "";
  check(first, `“${first.name}”${more}`);
}

function checkPasted() {
  const text = paste.value.trim();
  if (!text) {
    status.textContent = "Paste a credential first, or drop a file.";
    paste.focus();
    return;
  }
  check(text, "the pasted text");
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
startTrustPanel();

init().then(
  () => document.body.setAttribute("data-ready", ""),
  (error) => {
    clear(result);
    result.append(renderFailure(error));
    result.hidden = false;
  },
);
