// The demo page in Spanish and French, in headless Chromium: every marked
// text (headings, labels, hints, buttons, the trust-list panel) and every
// sentence the page makes (status line, QR scan, Copy link, saved list)
// follows the language picker, and English comes back unchanged. Expected
// words are read from the message tables, never written here.
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { MESSAGES, translator } from "../../pkg-template/element/i18n.js";
import { openPage as open, shared, shownVerdict, usePageAndBrowser } from "./browser.mjs";

const VALID_OB = new URL("bench/vectors/ob3-v2-eddsa-rdfc-2022.json", shared);
const ADMISSIONS = JSON.stringify({ name: "Admissions list", issuers: [{ id: "did:web:registrar.example.edu" }] });
/** What the camera button may answer in a headless browser without a camera. */
const NO_CAMERA = ["page.scan.noCamera", "page.scan.notAllowed", "page.scan.noApi", "page.scan.noReader"];

const running = usePageAndBrowser();

/** Opens the page in a fresh context (see browser.mjs). */
function openPage(options) {
  return open(running.browser, running.server, options);
}

/** The message `key` in `language`, with values that are words ({ key, values }) translated too. */
function wordsIn(language, key, values = {}) {
  const resolve = (value) => (value?.key ? wordsIn(language, value.key, value.values) : value);
  const filled = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, resolve(value)]));
  return translator(language)(key, filled);
}

/** Every marked text and attribute on the page: [{ key, values, shown }]. */
function markedWords(page) {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll("[data-words]")].map((element) => ({
      key: element.dataset.words,
      values: element.dataset.wordsValues ? JSON.parse(element.dataset.wordsValues) : undefined,
      shown: element.textContent,
    }));
    const attributes = [...document.querySelectorAll("[data-words-attr]")].flatMap((element) =>
      element.dataset.wordsAttr.trim().split(/\s+/).map((pair) => {
        const [attribute, key] = pair.split(":");
        return { key, shown: element.getAttribute(attribute) };
      }),
    );
    return [...texts, ...attributes];
  });
}

/** Picks `language` and checks that the page and every marked word are in it. */
async function pick(page, language) {
  await page.selectOption("#language", language);
  assert.equal(await page.getAttribute("html", "lang"), language);

  const marked = await markedWords(page);
  assert.ok(marked.length >= 28, `${marked.length} marked words`);
  for (const { key, values, shown } of marked) {
    assert.equal(shown, wordsIn(language, key, values), `${language} ${key}`);
  }

  const table = MESSAGES[language];
  assert.equal(await page.title(), table["page.documentTitle"]);
  for (const [selector, key] of [
    ["h1", "page.title"],
    ["#input-title", "page.record"],
    ["label[for=applicant]", "page.applicant"],
    ["label[for=paste]", "page.paste"],
    ["#verify", "page.verify"],
    ["#scan", "page.scan"],
    ["#trust-save", "page.trust.save"],
    ["#trust-forget", "page.trust.forget"],
    [".drop-title", "page.drop"],
    ["label[for=language]", "page.language"],
  ]) {
    assert.equal((await page.textContent(selector)).trim(), table[key], `${language} ${selector}`);
  }
  assert.equal(await page.getAttribute("#camera-video", "aria-label"), table["page.scan.preview"]);
}

/** The text of `selector` once it is one of `keys` in `language` (none of them: fails with what it says). */
async function waitForWords(page, selector, language, keys, values) {
  const expected = keys.map((key) => wordsIn(language, key, values));
  const element = page.locator(selector);
  await element.filter({ hasText: new RegExp(expected.map(escape).join("|")) }).waitFor({ timeout: 10_000 }).catch(async () => {
    assert.fail(`${selector} says “${await element.textContent()}”, not one of ${JSON.stringify(expected)}`);
  });
  return element.textContent();
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the demo page in other languages", () => {
  test("Spanish, then French, then English: static text, status line, verdict, Copy link and QR sentences", async () => {
    const contextOptions = { permissions: ["clipboard-read", "clipboard-write"] };
    const { page, outside, errors, close } = await openPage({ contextOptions });
    await pick(page, "es");

    await page.fill("#paste", await readFile(VALID_OB, "utf8"));
    await page.click("#verify");
    assert.equal((await shownVerdict(page)).verdict, "verified");
    const checked = { what: { key: "page.what.pasted" } };
    await waitForWords(page, "#status", "es", ["page.status.checked"], checked);
    assert.match(await page.locator("#result .banner").innerText(), new RegExp(MESSAGES.es["verdict.verified"]));
    await page.click("#share-copy");
    await waitForWords(page, "#share-message", "es", ["page.share.copied"]);
    await page.click("#scan");
    const scanSaid = await waitForWords(page, "#scan-message", "es", NO_CAMERA);
    const scanned = NO_CAMERA.find((key) => wordsIn("es", key) === scanSaid);
    assert.ok(scanned, `the scan message is a whole sentence: ${scanSaid}`);
    await pick(page, "es");

    await pick(page, "fr");
    assert.equal(await page.textContent("#status"), wordsIn("fr", "page.status.checked", checked));
    assert.equal(await page.textContent("#share-message"), MESSAGES.fr["page.share.copied"]);
    assert.equal(await page.textContent("label[for=share-link]"), MESSAGES.fr["page.share.label"]);
    assert.equal(await page.textContent("#share-copy"), MESSAGES.fr["page.share.copy"]);
    assert.equal(await page.textContent("#scan-message"), MESSAGES.fr[scanned]);
    assert.match(await page.locator("#result .banner").innerText(), new RegExp(MESSAGES.fr["verdict.verified"]));

    await pick(page, "en");
    assert.equal(await page.textContent("h1"), "Check a learning record");
    assert.equal(await page.textContent("#verify"), "Verify");
    assert.equal(await page.textContent("#status"), "Checked the pasted text.");
    assert.match(await page.textContent("#share-message"), /^Link copied\./);
    assert.equal(await page.textContent("#scan-message"), MESSAGES.en[scanned]);
    assert.match(await page.locator("#result .banner").innerText(), /Verified/);
    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("the trusted-issuers panel: saved list, summary and a refused list in French, then Spanish", async () => {
    const { page, errors, close } = await openPage();
    await pick(page, "fr");
    await page.locator("#trust summary").click();
    await page.fill("#trust-text", ADMISSIONS);
    await page.click("#trust-save");
    const list = { key: "page.trust.named", values: { name: "Admissions list", count: { key: "page.trust.oneIssuer" } } };
    await waitForWords(page, "#trust-message", "fr", ["page.trust.saved"], { list });
    assert.equal(await page.textContent("#trust-summary"), wordsIn("fr", "page.trust.summary", { list }));

    await pick(page, "es");
    assert.equal(await page.textContent("#trust-message"), wordsIn("es", "page.trust.saved", { list }));
    await page.fill("#trust-text", "   ");
    await page.click("#trust-save");
    await waitForWords(page, "#trust-error", "es", ["page.trust.notSaved"], { reason: { key: "page.trust.empty" } });
    await pick(page, "en");
    assert.equal(await page.textContent("#trust-error"), "This list was not saved: the list is empty.");
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a browser set to French opens the page in French", async () => {
    const { page, close } = await openPage({ contextOptions: { locale: "fr-FR" } });
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    assert.equal(await page.inputValue("#language"), "fr");
    assert.equal(await page.textContent("h1"), MESSAGES.fr["page.title"]);
    await close();
  });
});
