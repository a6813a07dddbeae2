// The "Trusted issuers" panel: paste or load a list, save it (after the
// verifier has checked it) or forget it, and see which list is in use.
import { say } from "./page-words.js";
import { describeList, forgetList, saveList, savedList } from "./trust-list.js";

const panel = document.getElementById("trust");
const summary = document.getElementById("trust-summary");
const text = document.getElementById("trust-text");
const file = document.getElementById("trust-file");
const save = document.getElementById("trust-save");
const forget = document.getElementById("trust-forget");
const message = document.getElementById("trust-message");
const error = document.getElementById("trust-error");

/** Fills the panel from the saved list and wires its controls. */
export function startTrustPanel() {
  const saved = savedList();
  if (saved) text.value = saved;
  showSaved(saved);

  save.addEventListener("click", () => saveText(text.value));
  forget.addEventListener("click", forgetSaved);
  file.addEventListener("change", loadFile);
}

async function saveText(value) {
  save.disabled = true;
  const outcome = await saveList(value).catch((failure) => ({ saved: false, reason: failure.message }));
  save.disabled = false;

  if (!outcome.saved) {
    showError(outcome.reason);
    return;
  }
  showSaved(value);
  say(message, "page.trust.saved", { list: describeList(value) });
}

function forgetSaved() {
  forgetList();
  text.value = "";
  showSaved(undefined);
  say(message, "page.trust.forgotten");
}

async function loadFile() {
  const [chosen] = file.files;
  file.value = "";
  if (!chosen) return;

  text.value = await chosen.text();
  await saveText(text.value);
}

function showSaved(saved) {
  clearError();
  if (saved) say(summary, "page.trust.summary", { list: describeList(saved) });
  else say(summary, "page.trust.none");
  panel.dataset.saved = saved ? "yes" : "no";
}

/** Shows why the list was not saved (`reason`: the verifier's text, or words). */
function showError(reason) {
  say(message);
  say(error, "page.trust.notSaved", { reason });
  error.hidden = false;
  text.setAttribute("aria-invalid", "true");
  text.focus();
}

function clearError() {
  say(error);
  error.hidden = true;
  text.removeAttribute("aria-invalid");
}
