// The demo page: files (dropped or picked), pasted text, a QR code or a
// shared link go to verify(); a report for each is shown below, in the
// language picked (the browser's by default). No framework, no build step.
import { init, verify } from "./pkg/index.js";
import { clear, el } from "./dom.js";
import { currentTranslator, say, startLanguagePicker, words } from "./page-words.js";
import { isPicture, qrTextsIn, startQrScanner } from "./qr-scan.js";
import { shareBox, startShareLinks } from "./share-link.js";
import { holdsNoRecord } from "./pkg/element/report-view.js";
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
 * Verifies each entry ({ input, name?, note?, picture? }) in turn and shows
 * one report per entry, or why the check could not run; a file's `name`
 * heads its report when there are several. `what` names them
 * in the status line, as words (page-words.js).
 */
async function check(entries, what) {
  button.disabled = true;
  result.setAttribute("aria-busy", "true");
  say(status, "page.status.checking", { what });

  const checked = [];
  for (const entry of entries) {
    checked.push(entry.picture ? await readPicture(entry) : { ...entry, ...(await run(entry.input)) });
  }
  shownReports = checked;
  const failed = checked.filter((entry) => entry.error).length;
  if (failed === 0) say(status, "page.status.checked", { what });
  else if (failed === checked.length) say(status, "page.status.failed", { what });
  else say(status, "page.status.someFailed", { failed, what });

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
  if (baked?.report && !holdsNoRecord(baked.report)) return { input: picture, name, ...baked };

  const [text] = await qrTextsIn(picture).catch(() => []);
  if (text === undefined) {
    const note = { key: "ui.origin.noQr", values: { name: { key: "page.what.file", values: { name } } } };
    return { input: picture, name, note, ...(baked ?? (await run(picture))) };
  }
  const note = { key: "ui.origin.picture", values: { name: { key: "page.what.file", values: { name } } } };
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

/** The "Copy link" box of the report shown, kept across languages: { entry, box }. */
let shownShareBox;

/**
 * Shows the kept reports in the chosen language; several files get a
 * heading each; one report gets the "Copy link" box.
 */
function show() {
  const t = currentTranslator();
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
  if (shownReports.length === 1 && only.report) appendShareBox(only);
}

/** Appends the share box of `entry`: the one already made for it, else a new one. */
async function appendShareBox(entry) {
  if (shownShareBox?.entry !== entry) shownShareBox = { entry, box: await shareBox(entry.input) };
  if (shownReports[0] === entry) result.append(shownShareBox.box);
}

/** One entry's note (where it came from) and report. */
function viewOf({ note, report, chosen, error }, t, index) {
  const view = report
    ? renderReport(report, (issuer) => listedName(chosen.trustedIssuers, issuer), t, index)
    : renderFailure(error, t);
  return note ? [el("p", { class: "origin", text: words(note.key, note.values) }), view] : [view];
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
  const what =
    files.length === 1
      ? { key: "page.what.file", values: { name: files[0].name } }
      : { key: "page.what.files", values: { count: files.length } };
  check(files.map((file) => ({ input: file, name: file.name, picture: isPicture(file) })), what);
}

function checkPasted() {
  const text = paste.value.trim();
  if (!text) {
    say(status, "page.status.pasteFirst");
    paste.focus();
    return;
  }
  check([{ input: text }], { key: "page.what.pasted" });
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
startLanguagePicker(language, show);
startTrustPanel();
startQrScanner({
  onText: (text) => {
    check([{ input: text, note: { key: "ui.origin.camera" } }], { key: "page.what.scanned" });
  },
});
startShareLinks({
  open: (input, what) => check([{ input, note: { key: "ui.origin.link" } }], what),
  problem: (key) => say(status, key),
});

init().then(
  () => document.body.setAttribute("data-ready", ""),
  (error) => {
    clear(result);
    result.append(renderFailure(error, currentTranslator()));
    result.hidden = false;
  },
);
