// The demo page in headless Chromium, on the optimised wasm build: drop,
// pick, paste and keyboard-only use; verdicts, nested achievements and the
// lookups list; no request leaves 127.0.0.1; no markup parsing in www/*.js.
import { readFile, readdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { launchChromium, openPage as open, servePage, shared, shownVerdict } from "./browser.mjs";

const repo = new URL("../../", import.meta.url);
const VALID_CLR = new URL("bench/vectors/clr-n1-eddsa-rdfc-2022.json", shared);
const VALID_OB = new URL("bench/vectors/ob3-v2-eddsa-rdfc-2022.json", shared);
const HTTPS_ISSUER = new URL("fixtures/credentials/1edtech-validator/ob30/simple.json", shared);
const COMPLETE_OB = new URL("fixtures/credentials/1edtech-validator/ob30/complete.json", shared);
const COMPLETE_ISSUER = "https://1edtech.edu/issuers/565049";
const COMPLETE_LEARNER = "student@1edtech.edu";
const SCREENSHOTS = process.env.SCREENSHOTS ?? "/tmp";

let server;
let browser;

before(async () => {
  server = await servePage();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the page in a fresh context (see browser.mjs). `fileChooser`
 * resolves on the first file picker the page opens (listened for before
 * loading: waiting only when the picker is due misses it at times, as
 * Chromium may open it before the interception is in place).
 */
function openPage(viewport = { width: 1280, height: 900 }) {
  return open(browser, server, { contextOptions: { viewport }, fileChooser: true });
}

/** Drops `text` on the drop zone as a file, with a DataTransfer built in the page. */
async function dropFile(page, name, text) {
  await dropFiles(page, [[name, text]]);
}

/** Drops several files ([name, text] pairs) at once on the drop zone. */
async function dropFiles(page, files) {
  const transfer = await page.evaluateHandle((pairs) => {
    const data = new DataTransfer();
    for (const [fileName, content] of pairs) data.items.add(new File([content], fileName, { type: "application/json" }));
    return data;
  }, files);
  await page.dispatchEvent("#drop", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
}


describe("the demo page", () => {
  test("a dropped valid CLR is verified and lists its nested achievements", async () => {
    const { page, outside, errors, close } = await openPage();
    const text = await readFile(VALID_CLR, "utf8");
    await dropFile(page, "clr.json", text);

    const shown = await shownVerdict(page);
    assert.equal(shown.verdict, "verified");
    assert.match(shown.text, /Verified/);

    const children = page.locator("#result .transcript .entry");
    assert.equal(await children.count(), 1);
    const child = children.first();
    assert.equal(await child.getAttribute("data-verdict"), "verified");
    assert.match(await child.innerText(), /Course 1000: Foundations of Verifiable Credentials/);
    assert.match(await child.innerText(), /Verified/);
    assert.match(await page.locator("#result .sentence").innerText(), /Example University issued/);
    assert.match(await page.locator("#result").innerText(), /None: everything was checked inside this page/);

    await page.screenshot({ path: `${SCREENSHOTS}/cler-page-desktop.png`, fullPage: true });
    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a tampered copy is not valid and names the failing check", async () => {
    const { page, outside, close } = await openPage();
    const credential = JSON.parse(await readFile(VALID_CLR, "utf8"));
    credential.name = "Comprehensive Learner Record - Someone Else";
    await dropFile(page, "tampered.json", JSON.stringify(credential, null, 1));

    const shown = await shownVerdict(page);
    assert.equal(shown.verdict, "invalid");
    assert.match(shown.text, /Not valid/);
    const failed = page.locator("#result > .report > .checks .check[data-outcome=fail]");
    assert.ok((await failed.count()) > 0, "a failing check is listed");
    assert.match(await failed.first().innerText(), /Failed\s+Signature/);
    assert.deepStrictEqual(outside, []);
    await close();
  });

  test("several dropped files are each verified, with a report per file", async () => {
    const { page, outside, errors, close } = await openPage();
    const tampered = JSON.parse(await readFile(VALID_CLR, "utf8"));
    tampered.name = "Comprehensive Learner Record - Someone Else";
    await dropFiles(page, [
      ["clr.json", await readFile(VALID_CLR, "utf8")],
      ["tampered.json", JSON.stringify(tampered)],
      ["badge.json", await readFile(VALID_OB, "utf8")],
    ]);
    await page.locator("#status", { hasText: "Checked 3 files." }).waitFor();
    const files = page.locator("#result .file-report");
    assert.deepStrictEqual(await files.evaluateAll((nodes) => nodes.map((node) => node.dataset.file)), ["clr.json", "tampered.json", "badge.json"]);
    const verdicts = await page.locator("#result .file-report .banner").evaluateAll((nodes) => nodes.map((node) => node.dataset.verdict));
    assert.deepStrictEqual(verdicts, ["verified", "invalid", "verified"]);
    const titles = await page.locator("#result .report").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-labelledby")));
    assert.equal(new Set(titles).size, 3, "each report has its own title");
    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("the language picker shows the result in Spanish or French, and back", async () => {
    const { page, close } = await openPage();
    const tampered = JSON.parse(await readFile(VALID_OB, "utf8"));
    tampered.name = "Someone else's badge";
    await dropFile(page, "tampered.json", JSON.stringify(tampered));
    assert.equal((await shownVerdict(page)).verdict, "invalid");
    await page.selectOption("#language", "es");
    assert.match(await page.locator("#result .banner").innerText(), /No válido[\s\S]*La firma no coincide/);
    assert.match(await page.locator("#result .record").innerText(), /Emitido por/);
    await page.selectOption("#language", "fr");
    assert.match(await page.locator("#result .banner").innerText(), /Non valide/);
    assert.equal(await page.getAttribute("#result", "lang"), "fr");
    await page.selectOption("#language", "en");
    assert.match(await page.locator("#result .banner").innerText(), /Not valid/);
    await close();
  });

  test("pasted text is verified with the Verify button", async () => {
    const { page, close } = await openPage();
    await page.fill("#paste", await readFile(VALID_OB, "utf8"));
    await page.click("#verify");
    assert.equal((await shownVerdict(page)).verdict, "verified");
    await close();
  });

  test("a pasted VC-JWT and a dropped .jwt file are verified", async () => {
    const jwt = await readFile(new URL("bench/vectors/ob3-jwt-eddsa.jwt", shared), "utf8");
    const pasted = await openPage();
    await pasted.page.fill("#paste", jwt);
    await pasted.page.click("#verify");
    assert.equal((await shownVerdict(pasted.page)).verdict, "verified");
    await pasted.close();

    const dropped = await openPage();
    await dropFile(dropped.page, "badge.jwt", jwt);
    assert.equal((await shownVerdict(dropped.page)).verdict, "verified");
    const tampered = await readFile(new URL("bench/vectors/ob3-jwt-eddsa-tampered.jwt", shared), "utf8");
    await dropFile(dropped.page, "tampered.jwt", tampered);
    await dropped.page.waitForSelector('#result .banner[data-verdict="invalid"]');
    await dropped.close();
  });

  test("keyboard only: Tab to the paste box, type, Tab to Verify, Enter", async () => {
    const { page, close } = await openPage();
    await tabTo(page, "paste");
    await page.keyboard.insertText(await readFile(VALID_OB, "utf8"));
    await page.keyboard.press("Tab");
    assert.equal(await focusedId(page), "verify");
    await page.keyboard.press("Enter");
    assert.equal((await shownVerdict(page)).verdict, "verified");
    await close();
  });

  test("keyboard only: the drop zone opens the file picker with Enter", { timeout: 30_000 }, async () => {
    const { page, fileChooser, close } = await openPage();
    await tabTo(page, "drop");
    await page.keyboard.press("Enter");
    const chooser = await fileChooser;
    await chooser.setFiles(fileURLToPath(VALID_CLR));
    assert.equal((await shownVerdict(page)).verdict, "verified");
    await close();
  });

  test("the focused control is visibly outlined", async () => {
    const { page, close } = await openPage();
    await tabTo(page, "drop");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, "solid");
    await close();
  });

  test("offline: no lookup is attempted and the lookups list says so", async () => {
    const { page, outside, close } = await openPage();
    await page.check("#offline");
    await page.setInputFiles("#file", fileURLToPath(HTTPS_ISSUER));
    assert.equal((await shownVerdict(page)).verdict, "incomplete");
    assert.match(await page.locator("#result .lookups").innerText(), /not contacted \(offline\)/);
    assert.deepStrictEqual(outside, []);
    await close();
  });

  test("online: the page fetches the issuer's key and lists the failed lookup", async () => {
    const { page, outside, close } = await openPage();
    await page.setInputFiles("#file", fileURLToPath(HTTPS_ISSUER));
    const lookups = await page.locator("#result .lookups").innerText();
    assert.ok(outside.length > 0, "the key lookup went through the page's fetch");
    for (const url of outside) assert.ok(lookups.includes(url), `${url} is listed`);
    assert.match(lookups, /failed/);
    assert.match(lookups, /could not be reached/);
    await close();
  });

  test("baked PNG and SVG badges are read and verified like their JSON", async () => {
    for (const name of ["simple-json.png", "simple-json.svg"]) {
      const { page, errors, close } = await openPage();
      await page.check("#offline");
      const file = new URL(`fixtures/credentials/1edtech-validator/ob30/${name}`, shared);
      await page.setInputFiles("#file", fileURLToPath(file));
      const shown = await shownVerdict(page);
      assert.equal(shown.verdict, "incomplete", name);
      assert.match(await page.locator("#result").innerText(), /Signature[\s\S]*valid/, name);
      assert.deepStrictEqual(errors, []);
      await close();
    }
  });

  test("an unreadable file gives a report, not a broken page", async () => {
    const { page, errors, close } = await openPage();
    await dropFile(page, "notes.txt", "these are not the credentials you are looking for");
    assert.equal((await shownVerdict(page)).verdict, "invalid");
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("on a 390px phone nothing overflows sideways", async () => {
    const { page, close } = await openPage({ width: 390, height: 844 });
    await dropFile(page, "clr.json", await readFile(VALID_CLR, "utf8"));
    await shownVerdict(page);
    await page.locator("#result .child details").first().evaluate((node) => (node.open = true));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    await page.screenshot({ path: `${SCREENSHOTS}/cler-page-phone.png`, fullPage: true });
    await close();
  });

});

describe("the applicant and the trusted issuers", () => {
  const ADMISSIONS = JSON.stringify({
    name: "Admissions list",
    issuers: [{ id: COMPLETE_ISSUER, name: "1EdTech test university (our name)" }],
  });

  test("a saved list and the applicant's email are both answered in plain words near the verdict", async () => {
    const { page, outside, errors, close } = await openPage();
    await saveTrustList(page, ADMISSIONS);
    assert.match(await page.locator("#trust-message").innerText(), /Saved on this device: “Admissions list”, 1 issuer/);
    await page.fill("#applicant", COMPLETE_LEARNER);
    await page.check("#offline");
    await page.screenshot({ path: `${SCREENSHOTS}/cler-page-fields-desktop.png` });
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));

    await shownVerdict(page);
    const recipient = await answer(page, "recipient");
    assert.equal(recipient.outcome, "pass");
    assert.match(recipient.text, /Issued to this applicant/);
    assert.match(recipient.text, /This record was issued to student@1edtech\.edu/);
    const trust = await answer(page, "trust");
    assert.equal(trust.outcome, "pass");
    assert.match(trust.text, /Known issuer: 1EdTech test university \(our name\)/);
    assert.match(trust.text, /is in your list “Admissions list”/);
    assert.ok(await answersFollowVerdict(page), "the answers sit right under the verdict");

    await page.screenshot({ path: `${SCREENSHOTS}/cler-page-answers-desktop.png` });
    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a wrong email shows the mismatch, an unlisted issuer is a note", async () => {
    const { page, close } = await openPage();
    await saveTrustList(page, '["did:web:registrar.example.edu", "https://other.example/issuers/*"]');
    await page.fill("#applicant", "someone.else@example.org");
    await page.check("#offline");
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));

    assert.equal((await shownVerdict(page)).verdict, "invalid");
    const recipient = await answer(page, "recipient");
    assert.equal(recipient.outcome, "fail");
    assert.match(recipient.text, /Issued to someone else/);
    assert.match(recipient.text, /not to someone\.else@example\.org/);
    const trust = await answer(page, "trust");
    assert.equal(trust.outcome, "warn");
    assert.match(trust.text, /Not in your trusted list/);
    assert.doesNotMatch(trust.text, /Known issuer/);
    await close();
  });

  test("without an applicant or a list, no answers are shown", async () => {
    const { page, close } = await openPage();
    await page.check("#offline");
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));
    await shownVerdict(page);
    assert.equal(await page.locator("#result .answers").count(), 0);
    assert.equal(await page.locator("#result .check[data-check=recipient], #result .check[data-check=trust]").count(), 0);
    await close();
  });

  test("a malformed list shows why in words and is not saved", async () => {
    const { page, errors, close } = await openPage();
    for (const [bad, why] of [
      ['{"issuers": [', /not JSON/],
      ['["*"]', /would trust every issuer/],
      ['[{"id": "did:web:a.example", "prefix": "did:web:"}]', /exactly one of "id" or "prefix"/],
    ]) {
      await saveTrustList(page, bad);
      const error = page.locator("#trust-error");
      await error.waitFor();
      const text = await error.innerText();
      assert.match(text, /^This list was not saved: /);
      assert.match(text, why);
      assert.doesNotMatch(text, /option `trustedIssuers`|TypeError/);
      assert.equal(await page.getAttribute("#trust-text", "aria-invalid"), "true");
      assert.equal(await focusedId(page), "trust-text");
    }
    assert.equal(await page.locator("#trust-summary").innerText(), "no list saved");
    assert.equal(await storedList(page), null);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a list survives a reload, and Forget clears it from the device", async () => {
    const { page, close } = await openPage();
    await saveTrustList(page, ADMISSIONS);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    assert.equal(await storedList(page), ADMISSIONS);
    assert.match(await page.locator("#trust-summary").innerText(), /“Admissions list”, 1 issuer, saved on this device/);
    assert.equal(await page.inputValue("#trust-text"), ADMISSIONS);
    await page.check("#offline");
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));
    assert.match((await answer(page, "trust")).text, /Known issuer/);

    await page.click("#trust summary");
    await page.click("#trust-forget");
    assert.match(await page.locator("#trust-message").innerText(), /forgotten/);
    assert.equal(await storedList(page), null);
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    assert.equal(await page.locator("#trust-summary").innerText(), "no list saved");
    assert.equal(await page.inputValue("#trust-text"), "");
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));
    await shownVerdict(page);
    assert.equal(await page.locator("#result .answer[data-answer=trust]").count(), 0);
    await close();
  });

  test("a JSON file (a DCC registry) loads and saves the list", async () => {
    const { page, close } = await openPage();
    const registry = JSON.stringify({ meta: {}, registry: { [COMPLETE_ISSUER]: { name: "Registry name" } } });
    await page.click("#trust summary");
    await page.setInputFiles("#trust-file", { name: "registry.json", mimeType: "application/json", buffer: Buffer.from(registry) });
    await page.locator("#trust-message").filter({ hasText: "Saved" }).waitFor();
    assert.equal(await storedList(page), registry);
    await page.check("#offline");
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));
    assert.match((await answer(page, "trust")).text, /Known issuer: Registry name/);
    await close();
  });

  test("keyboard only: type the applicant, open the list, paste, save", async () => {
    const { page, close } = await openPage();
    await tabTo(page, "applicant");
    await page.keyboard.insertText(COMPLETE_LEARNER);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await page.getAttribute("#trust", "open"), "");
    await tabTo(page, "trust-text");
    await page.keyboard.insertText(`["${COMPLETE_ISSUER}"]`);
    await tabTo(page, "trust-save");
    await page.keyboard.press("Enter");
    await page.locator("#trust-message").filter({ hasText: "Saved" }).waitFor();
    assert.equal(await storedList(page), `["${COMPLETE_ISSUER}"]`);
    for (const id of ["applicant", "trust-text", "trust-file"]) {
      assert.ok(await page.locator(`label[for=${id}]`).count(), `#${id} has a label`);
    }
    await close();
  });

  test("on a 390px phone the fields and answers fit", async () => {
    const { page, close } = await openPage({ width: 390, height: 844 });
    await saveTrustList(page, ADMISSIONS);
    await page.fill("#applicant", COMPLETE_LEARNER);
    await page.check("#offline");
    await page.screenshot({ path: `${SCREENSHOTS}/cler-page-fields-phone.png`, fullPage: true });
    await page.setInputFiles("#file", fileURLToPath(COMPLETE_OB));
    await answer(page, "trust");
    await page.screenshot({ path: `${SCREENSHOTS}/cler-page-answers-phone.png` });
    assert.equal(await page.getAttribute("#trust", "open"), "");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    await close();
  });
});

describe("the page's code", () => {
  test("no www/*.js parses markup (innerHTML and friends)", async () => {
    const www = new URL("www/", repo);
    const scripts = (await readdir(www)).filter((name) => name.endsWith(".js"));
    assert.ok(scripts.length > 0);
    for (const name of scripts) {
      const code = await readFile(new URL(name, www), "utf8");
      for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser"]) {
        assert.ok(!code.includes(sink), `${name} uses ${sink}`);
      }
    }
  });
});

/** Opens the trusted-issuers panel (when closed), pastes `text` and presses Save. */
async function saveTrustList(page, text) {
  if ((await page.getAttribute("#trust", "open")) === null) await page.click("#trust summary");
  await page.fill("#trust-text", text);
  await page.click("#trust-save");
  await page.locator("#trust-message:not(:empty), #trust-error:not([hidden])").first().waitFor();
}

/** The list this page keeps in localStorage, or null. */
async function storedList(page) {
  return page.evaluate(() => localStorage.getItem("cler-verifier.trusted-issuers"));
}

/** The answer shown for check `id` near the verdict: its outcome and words. */
async function answer(page, id) {
  const item = page.locator(`#result .answers .answer[data-answer=${id}]`);
  await item.waitFor();
  return { outcome: await item.getAttribute("data-outcome"), text: await item.innerText() };
}

/** Whether the answers come right after the verdict banner (and its caution line). */
async function answersFollowVerdict(page) {
  return page.evaluate(() => {
    const report = document.querySelector("#result .report");
    const kinds = [...report.children].slice(0, 3).map((node) => node.className);
    return kinds[0].startsWith("banner") && kinds.slice(1).includes("answers");
  });
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

/** Presses Tab from the top of the page until the element with `id` has focus. */
async function tabTo(page, id) {
  for (let presses = 0; presses < 10; presses += 1) {
    await page.keyboard.press("Tab");
    if ((await focusedId(page)) === id) return;
  }
  assert.fail(`#${id} is not reachable with Tab`);
}
