// The demo page: files (dropped or picked), pasted text, a QR code or a
// shared link go to verify(); a report for each is shown below, in the
// language picked (the browser's by default). No framework, no build step.
import { init, verify } from "./pkg/index.js";
import { clear, el } from "./dom.js";
import { browserLanguages, pickLanguage, translator } from "./pkg/element/i18n.js";
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
const language = document.getElementById("language");

/**
 * The reports shown: [{ name, input, note, report, chosen, error }], kept to
 * show again in another language. `note` ({ key, values }) says where the
 * record came from.
 */
let shownReports = [];

/**
 * Verifies each entry ({ input, name, note?, picture? }) in turn and shows
 * one report per entry, or why the check could not run.
 */
async function check(entries, what) {
  button.disabled = true;
  result.setAttribute("aria-busy", "true");
  status.textContent = `Checking ${what}…`;

  const checked = [];
  for (const entry of entries) {
    checked.push(entry.picture ? await readPicture(entry) : { ...entry, ...(await run(entry.input)) });
  }
  shownReports = checked;
  const failed = checked.filter((entry) => entry.error).length;
  status.textContent = failed === 0 ? `Checked ${what}.` : `Could not check ${failed === checked.length ? what : `${failed} of ${what}`}.`;

  show();
  result.removeAttribute("aria-busy");
  button.disabled = false;
  result.firstElementChild?.scrollIntoView({ block: "start" });
}

/**
 * A picture: a PNG is first read as a baked badge; when it holds no
 * credential (or is a JPEG, WebP…), the QR code in it is verified instead.
 */
async function readPicture({ input: picture, name }) {
  const baked = /png$/i.test(picture.type || picture.name) ? await run(picture) : undefined;
  if (baked?.report && !unreadable(baked.report)) return { input: picture, name, ...baked };

  const [text] = await qrTextsIn(picture).catch(() => []);
  if (text === undefined) {
    const note = { key: "ui.origin.noQr", values: { name: `“${name}”` } };
    return { input: picture, name, note, ...(baked ?? (await run(picture))) };
  }
  const note = { key: "ui.origin.picture", values: { name: `“${name}”` } };
  return { input: text, name, note, ...(await run(text)) };
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

/** Whether a report found no record at all (its parse check failed). */
function unreadable(report) {
  return report.checks?.some((item) => item.id === "parse" && item.outcome === "fail");
}

/**
 * Shows the kept reports in the chosen language; several files get a
 * heading each; one report gets the "Copy link" box.
 */
function show() {
  const t = translator(language.value);
  const many = shownReports.length > 1;
  const views = shownReports.map((entry, index) => {
    const parts = viewOf(entry, t, index);
    return many ? [el("section", { class: "file-report", "data-file": entry.name }, [el("h2", { class: "file-name", text: entry.name }), ...parts])] : parts;
  });
  clear(result);
  result.lang = t.language;
  result.append(...views.flat());
  result.hidden = views.length === 0;

  const [only] = shownReports;
  if (shownReports.length === 1 && only.report) {
    shareBox(only.input).then((box) => shownReports[0] === only && result.append(box));
  }
}

/** One entry's note (where it came from) and report. */
function viewOf({ note, report, chosen, error }, t, index) {
  const view = report
    ? renderReport(report, (issuer) => listedName(chosen.trustedIssuers, issuer), t, index)
    : renderFailure(error, t);
  return note ? [el("p", { class: "origin", text: t(note.key, note.values) }), view] : [view];
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
  check(files.map((file) => ({ input: file, name: file.name, picture: isPicture(file) })), what);
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
startQrScanner({
  onText: (text) => {
    const name = "the scanned QR code";
    check([{ input: text, name, note: { key: "ui.origin.camera" } }], name);
  },
});
startShareLinks({
  open: (input, name) => check([{ input, name, note: { key: "ui.origin.link" } }], name),
  problem: (sentence) => (status.textContent = sentence),
});

init().then(
  () => document.body.setAttribute("data-ready", ""),
  (error) => {
    clear(result);
    result.append(renderFailure(error, translator(language.value)));
    result.hidden = false;
  },
);
