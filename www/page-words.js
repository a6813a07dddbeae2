// The page's own words in the picked language. Static text is marked in
// index.html with `data-words="key"` (its textContent) and
// `data-words-attr="attribute:key …"` (placeholder, aria-label…); sentences
// the modules make are set with say(), which marks the element the same way
// so that a new language rewrites them too. The keys are the page.* entries
// of the element's message tables (pkg/element/messages/).
import { browserLanguages, pickLanguage, translator } from "./pkg/element/i18n.js";

let t = translator(pickLanguage(browserLanguages()));

/**
 * A value for a `{slot}` that is itself words: `{ key, values }` is
 * translated when the sentence is; anything else is shown as it is.
 */
function resolve(value) {
  if (value && typeof value === "object" && typeof value.key === "string") return words(value.key, value.values);
  return value;
}

/** The message for `key` in the picked language, with `{slots}` filled from `values` (words or text). */
export function words(key, values = {}) {
  const filled = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, resolve(value)]));
  return t(key, filled);
}

/** The translator of the picked language (the element's `t`, for the report views). */
export function currentTranslator() {
  return t;
}

/**
 * Shows the sentence `key` (with `values`, see words()) in `element` and
 * keeps it there in whatever language is picked next; no key empties it.
 */
export function say(element, key, values) {
  if (!key) {
    delete element.dataset.words;
    delete element.dataset.wordsValues;
    element.textContent = "";
    return;
  }
  element.dataset.words = key;
  if (values) element.dataset.wordsValues = JSON.stringify(values);
  else delete element.dataset.wordsValues;
  element.textContent = words(key, values);
}

/** Writes every marked text and attribute under `root` in the picked language. */
export function fillWords(root = document) {
  for (const element of root.querySelectorAll("[data-words]")) {
    const values = element.dataset.wordsValues ? JSON.parse(element.dataset.wordsValues) : undefined;
    element.textContent = words(element.dataset.words, values);
  }
  for (const element of root.querySelectorAll("[data-words-attr]")) {
    for (const pair of element.dataset.wordsAttr.trim().split(/\s+/)) {
      const [attribute, key] = pair.split(":");
      element.setAttribute(attribute, words(key));
    }
  }
}

/**
 * Makes `picker` (a <select> of language codes) choose the page's language:
 * the browser's at first, then the reader's pick. `<html lang>` follows;
 * `changed()` runs after the marked words are rewritten.
 */
export function startLanguagePicker(picker, changed) {
  const pick = (language) => {
    t = translator(language);
    picker.value = t.language;
    document.documentElement.lang = t.language;
    fillWords(document);
  };
  pick(t.language);
  picker.addEventListener("change", () => {
    pick(picker.value);
    changed();
  });
}
