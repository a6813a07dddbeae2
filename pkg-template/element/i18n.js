// The reader's language and the words in it. Tables live in messages/, one
// per language, keyed by stable keys (see messages/en.js); a key a table
// lacks falls back to English, and an unknown key shows the key itself.
// The verifier's own sentences are English: other languages show a
// template chosen by check id, outcome and problem code instead.
import en from "./messages/en.js";
import es from "./messages/es.js";
import fr from "./messages/fr.js";
import { printable } from "./printable.js";

/** Language code → message table. Add a language by adding a table here. */
export const MESSAGES = { en, es, fr };

/** The language used when nothing else fits. */
export const FALLBACK = "en";

/**
 * The first of `wanted` (BCP 47 tags, best first) that has a table, matched
 * on the primary subtag ("es-MX" → "es"); English when none has.
 */
export function pickLanguage(wanted) {
  for (const tag of wanted) {
    const primary = String(tag ?? "").toLowerCase().split("-")[0];
    if (primary in MESSAGES) return primary;
  }
  return FALLBACK;
}

/** The browser's languages, best first (none outside a browser). */
export function browserLanguages() {
  return globalThis.navigator?.languages ?? [globalThis.navigator?.language].filter(Boolean);
}

/**
 * A translator for `language`: `t(key, values)` gives the message with its
 * `{name}` slots filled from `values`; `t.language` is the code used.
 */
export function translator(language) {
  const table = MESSAGES[language] ?? MESSAGES[FALLBACK];
  const t = (key, values = {}) => fill(table[key] ?? MESSAGES[FALLBACK][key] ?? key, values);
  t.language = language in MESSAGES ? language : FALLBACK;
  t.has = (key) => key in table || key in MESSAGES[FALLBACK];
  return t;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));
}

/**
 * The sentence for one check in the reader's language. English keeps the
 * verifier's own sentence (it names the specifics); other languages get the
 * template for the problem code, or for the check and outcome when it
 * passed or did not apply, or the English sentence when there is none.
 */
export function checkSentence(check, t) {
  if (t.language === FALLBACK) return check.message;
  const keys = [
    check.problem ? `problem.${check.problem.code}` : null,
    `result.${check.id}.${check.outcome}`,
    check.outcome === "skip" ? "result.skip" : null,
  ];
  const key = keys.find((candidate) => candidate && t.has(candidate));
  return key ? t(key) : check.message;
}

/** The headline of a report in the reader's language, built as the verifier builds it. */
export function headline(report, t) {
  if (t.language === FALLBACK) return report.headline;
  const first = (outcome) => report.checks.find((check) => check.outcome === outcome);
  const cause = { verified: first("warn"), invalid: first("fail"), incomplete: first("unknown") }[report.verdict];
  if (!cause) return t(`headline.${report.verdict}`, { sentence: "" }).replace(/:\s*$/, ".");
  const key = report.verdict === "verified" ? "headline.verifiedNote" : `headline.${report.verdict}`;
  return t(key, { sentence: checkSentence(cause, t) });
}

/**
 * A multilingual value in the reader's language: a plain string, a JSON-LD
 * value object `{"@value", "@language"}`, a language map `{"en": …}`, or an
 * array of these. Picks the reader's language, then English, then the first.
 */
export function localized(value, language) {
  const options = variants(value);
  if (options.length === 0) return undefined;
  const primary = (tag) => (tag ?? "").toLowerCase().split("-")[0];
  const chosen =
    options.find((option) => primary(option.language) === language) ??
    options.find((option) => primary(option.language) === FALLBACK) ??
    options[0];
  return printable(chosen.text);
}

function variants(value) {
  if (typeof value === "string") return [{ text: value }];
  if (Array.isArray(value)) return value.flatMap(variants);
  if (value === null || typeof value !== "object") return [];
  if (typeof value["@value"] === "string") return [{ text: value["@value"], language: value["@language"] }];
  return Object.entries(value)
    .filter(([tag, text]) => typeof text === "string" && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(tag))
    .map(([tag, text]) => ({ text, language: tag }));
}
