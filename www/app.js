// The demo page: a file (dropped or picked), pasted text, a QR code or a
// shared link goes to verify(); the report is shown below. No framework, no
// build step.
import { init, verify } from "./pkg/index.js";
import { clear, el } from "./dom.js";
import { isPicture, qrTextsIn, startQrScanner } from "./qr-scan.js";
import { shareBox, startShareLinks } from "./share-link.js";
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

/**
 * Verifies one input and shows the report (or why the check could not run);
 * `note`, when given, says where the record came from.
 */
async function check(input, name, note) {
  begin(name);
  show(await run(input), input, name, note);
}

/**
 * A picture: a PNG is first read as a baked badge; when it holds no
 * credential (or is a JPEG, WebP…), the QR code in it is verified instead.
 */
async function checkPicture(file, name) {
  begin(name);
  const baked = /png$/i.test(file.type || file.name) ? await run(file) : undefined;
  if (baked?.report && !unreadable(baked.report)) return show(baked, file, name);

  const [text] = await qrTextsIn(file).catch(() => []);
  if (text === undefined) return show(baked ?? (await run(file)), file, name, `No QR code was found in ${name}.`);
  show(await run(text), text, `the QR code in ${name}`, `This record came from a QR code in ${name}.`);
}

function begin(name) {
  button.disabled = true;
  result.setAttribute("aria-busy", "true");
  status.textContent = `Checking ${name}…`;
}

/** Verifies with the page's options: `{ report, chosen }`, or `{ error }` when it could not run. */
async function run(input) {
  try {
    const chosen = options();
    return { report: await verify(input, chosen), chosen };
  } catch (error) {
    return { error };
  }
}

function show({ report, chosen, error }, input, name, note) {
  const shown = report
    ? renderReport(report, (issuer) => listedName(chosen.trustedIssuers, issuer))
    : renderFailure(error);
  status.textContent = report ? `Checked ${name}.` : `Could not check ${name}.`;

  clear(result);
  if (note) result.append(el("p", { class: "origin", text: note }));
  result.append(shown);
  result.hidden = false;
  result.removeAttribute("aria-busy");
  button.disabled = false;
  shown.scrollIntoView({ block: "start" });
  if (report) shareBox(input).then((box) => shown.isConnected && result.append(box));
}

/** Whether a report found no record at all (its parse check failed). */
function unreadable(report) {
  return report.checks?.some((item) => item.id === "parse" && item.outcome === "fail");
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
  const name = `“${first.name}”${more}`;
  if (isPicture(first)) checkPicture(first, name);
  else check(first, name);
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
startQrScanner({
  onText: (text) => check(text, "the scanned QR code", "This record came from a QR code scanned with the camera."),
});
startShareLinks({
  open: (input, name) => check(input, name, "This record came from a shared link."),
  problem: (sentence) => (status.textContent = sentence),
});

init().then(
  () => document.body.setAttribute("data-ready", ""),
  (error) => {
    clear(result);
    result.append(renderFailure(error));
    result.hidden = false;
  },
);
