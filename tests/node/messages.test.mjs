// The element's message tables: every problem code the core can report and
// every key of the English table has an entry in every language; a missing
// key falls back to English at run time; multilingual values pick the
// reader's language; the demo page's keys (page.*) are all there and all
// used. The options the element relies on (includeDocument,
// onProgress) are checked through the optimised build too.
import { readFile, readdir } from "node:fs/promises";
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { verify } from "../../pkg/node.js";
import { MESSAGES, checkSentence, headline, localized, pickLanguage, translator } from "../../pkg-template/element/i18n.js";

const repo = new URL("../../", import.meta.url);
const BENCH = new URL("../shared/bench/vectors/", repo);

/** Every .rs file under `folder`, test modules cut off. */
async function rustSources(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".rs"));
  return Promise.all(files.map(async (entry) => {
    const text = await readFile(`${entry.parentPath ?? entry.path}/${entry.name}`, "utf8");
    return text.split("#[cfg(test)]")[0];
  }));
}

/**
 * The problem codes written in src/: `Problem::new("code"`, the codes of the
 * helpers that build a problem from a code argument (`fail`, `note`, `set`,
 * `refused`), the `(Outcome::X, "code", …)` tables, match arms giving a
 * `("code", message)` pair and `code_of`.
 */
async function problemCodes() {
  const patterns = [
    /Problem::new\(\s*"([a-z0-9_]+)"/g,
    /\(\s*Outcome::\w+,\s*"([a-z0-9_]+)"/g,
    /\b(?:fail|note|set|refused)\(\s*(?:Outcome::\w+,\s*)?"([a-z0-9_]+)"/g,
    /=>\s*\(\s*"([a-z0-9_]+)",/g,
  ];
  const codes = new Set();
  for (const text of await rustSources(new URL("src/", repo))) {
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]);
    const codeOf = text.match(/fn code_of[\s\S]*?\n}/);
    for (const match of codeOf?.[0].matchAll(/"([a-z0-9_]+)"/g) ?? []) codes.add(match[1]);
  }
  return codes;
}

describe("the message tables", () => {
  test("every problem code in src/ has a message in English", async () => {
    const codes = await problemCodes();
    assert.ok(codes.size > 60, `found ${codes.size} codes`);
    for (const code of ["signature_mismatch", "revoked", "missing_context", "jwt_hmac", "undefined_term"]) {
      assert.ok(codes.has(code), `${code} is found in src/`);
    }
    const missing = [...codes].filter((code) => !(`problem.${code}` in MESSAGES.en));
    assert.deepStrictEqual(missing, []);
  });

  test("every language has every key of the English table, and no other", () => {
    assert.deepStrictEqual(Object.keys(MESSAGES).sort(), ["en", "es", "fr"]);
    const keys = Object.keys(MESSAGES.en).sort();
    for (const [language, table] of Object.entries(MESSAGES)) {
      assert.deepStrictEqual(Object.keys(table).sort(), keys, language);
      for (const [key, text] of Object.entries(table)) {
        assert.ok(text.trim().length > 0, `${language} ${key} is empty`);
        const slots = (words) => (words.match(/\{\w+\}/g) ?? []).sort();
        assert.deepStrictEqual(slots(text), slots(MESSAGES.en[key]), `${language} ${key} keeps its {slots}`);
      }
    }
  });

  test("a key a language lacks falls back to English; an unknown key shows itself", () => {
    const spanish = MESSAGES.es["verdict.verified"];
    delete MESSAGES.es["verdict.verified"];
    try {
      assert.equal(translator("es")("verdict.verified"), "Verified");
    } finally {
      MESSAGES.es["verdict.verified"] = spanish;
    }
    assert.equal(translator("es")("no.such.key"), "no.such.key");
    assert.equal(translator("fr")("ui.progress", { done: 3, total: 10 }), "3 sur 10 attestations internes vérifiées");
  });

  test("the language is the first one with a table, matched on its primary subtag", () => {
    assert.equal(pickLanguage(["es-MX", "en"]), "es");
    assert.equal(pickLanguage(["de-DE", "fr-CA"]), "fr");
    assert.equal(pickLanguage(["de"]), "en");
    assert.equal(pickLanguage([]), "en");
  });

  test("multilingual values: reader's language, then English, then the first", () => {
    const map = { fr: "Diplôme", en: "Degree", de: "Abschluss" };
    assert.equal(localized(map, "fr"), "Diplôme");
    assert.equal(localized(map, "es"), "Degree");
    const objects = [{ "@value": "Grado", "@language": "es-ES" }, { "@value": "Abschluss", "@language": "de" }];
    assert.equal(localized(objects, "es"), "Grado");
    assert.equal(localized(objects, "fr"), "Grado");
    assert.equal(localized("Plain", "fr"), "Plain");
    assert.equal(localized(42, "fr"), undefined);
  });
});

/**
 * The page.* keys the demo page uses: quoted in www/*.js, and named by the
 * `data-words` and `data-words-attr` ("attribute:key …") marks of www/*.html.
 */
async function pageKeys() {
  const www = new URL("www/", repo);
  const names = await readdir(www);
  const keys = new Set();
  for (const name of names.filter((file) => /\.(js|html)$/.test(file))) {
    const text = await readFile(new URL(name, www), "utf8");
    if (name.endsWith(".js")) {
      for (const match of text.matchAll(/["'`](page\.[A-Za-z.]+)["'`]/g)) keys.add(match[1]);
      continue;
    }
    for (const match of text.matchAll(/data-words="([^"]*)"/g)) keys.add(match[1]);
    for (const match of text.matchAll(/data-words-attr="([^"]*)"/g)) {
      for (const pair of match[1].trim().split(/\s+/)) keys.add(pair.split(":")[1]);
    }
  }
  return keys;
}

describe("the demo page's words", () => {
  test("every key the page uses is in every table, and every page.* entry is used", async () => {
    const used = await pageKeys();
    assert.ok(used.size > 60, `found ${used.size} keys`);
    for (const key of ["page.title", "page.verify", "page.status.checked", "page.scan.noCamera", "page.share.copy", "page.trust.saved", "page.answer.trust.pass"]) {
      assert.ok(used.has(key), `${key} is found in www/`);
    }
    for (const [language, table] of Object.entries(MESSAGES)) {
      assert.deepStrictEqual([...used].filter((key) => !(key in table)), [], `${language} lacks keys www/ uses`);
    }
    const unused = Object.keys(MESSAGES.en).filter((key) => key.startsWith("page.") && !used.has(key));
    assert.deepStrictEqual(unused, [], "page.* entries no page uses");
  });

  test("the Spanish and French page words are not left in English", () => {
    const keys = Object.keys(MESSAGES.en).filter((key) => key.startsWith("page."));
    const kept = ["page.aboutClr", "page.aboutBadges", "page.what.file"];
    for (const language of ["es", "fr"]) {
      const same = keys.filter((key) => MESSAGES[language][key] === MESSAGES.en[key] && !kept.includes(key));
      assert.deepStrictEqual(same, [], `${language} keeps English`);
    }
  });
});

describe("a real report in other languages", () => {
  test("a tampered badge: the Spanish headline and check sentences come from the tables; English keeps the core's words", async () => {
    const text = await readFile(new URL("ob3-v2-eddsa-rdfc-2022-tampered.json", BENCH), "utf8");
    const report = await verify(text, { offline: true, includeDocument: true });
    assert.equal(report.verdict, "invalid");
    assert.equal(report.document.name, JSON.parse(text).name, "the document is the one verified");

    const english = translator("en");
    assert.equal(headline(report, english), report.headline);
    const spanish = translator("es");
    assert.match(headline(report, spanish), /^No válido: La firma no coincide/);
    for (const check of report.checks) {
      const sentence = checkSentence(check, spanish);
      assert.notEqual(sentence, check.message, `${check.id}/${check.outcome} is translated`);
    }
  });

  test("onProgress counts each of the ten credentials of a CLR; the default report has no document", async () => {
    const text = await readFile(new URL("clr-n10-eddsa-rdfc-2022.json", BENCH), "utf8");
    const told = [];
    const report = await verify(text, { offline: true, onProgress: (progress) => told.push(progress) });
    assert.equal(report.children.length, 10);
    assert.deepStrictEqual(told, Array.from({ length: 10 }, (_, index) => ({ done: index + 1, total: 10 })));
    assert.equal("document" in report, false);
  });
});
