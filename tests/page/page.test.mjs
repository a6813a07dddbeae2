// The demo page in headless Chromium, on the optimised wasm build: drop,
// pick, paste and keyboard-only use; verdicts, nested achievements and the
// lookups list; no request leaves 127.0.0.1; no markup parsing in www/*.js.
import { readFile, readdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

import { startServer } from "../../scripts/static-server.mjs";

const repo = new URL("../../", import.meta.url);
const shared = new URL("../shared/", repo);
const VALID_CLR = new URL("bench/vectors/clr-n1-eddsa-rdfc-2022.json", shared);
const VALID_OB = new URL("bench/vectors/ob3-v2-eddsa-rdfc-2022.json", shared);
const HTTPS_ISSUER = new URL("fixtures/credentials/1edtech-validator/ob30/simple.json", shared);
const SCREENSHOTS = process.env.SCREENSHOTS ?? "/tmp";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let server;
let browser;

before(async () => {
  const path = (relative) => fileURLToPath(new URL(relative, repo));
  server = await startServer({ root: path("www"), mounts: { "/pkg": path("pkg") } });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the page in a fresh context. Requests to anywhere but our server
 * are aborted and recorded in `outside`; page errors are kept in `errors`.
 */
async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready]");
  return { page, outside, errors, close: () => context.close() };
}

/** Drops `text` on the drop zone as a file, with a DataTransfer built in the page. */
async function dropFile(page, name, text) {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: "application/json" }));
      return data;
    },
    [name, text],
  );
  await page.dispatchEvent("#drop", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
}

async function shownVerdict(page) {
  const banner = page.locator("#result .banner");
  await banner.waitFor();
  return { verdict: await banner.getAttribute("data-verdict"), text: await banner.innerText() };
}

describe("the demo page", () => {
  test("a dropped valid CLR is verified and lists its nested achievements", async () => {
    const { page, outside, errors, close } = await openPage();
    const text = await readFile(VALID_CLR, "utf8");
    await dropFile(page, "clr.json", text);

    const shown = await shownVerdict(page);
    assert.equal(shown.verdict, "verified");
    assert.match(shown.text, /Verified/);

    const children = page.locator("#result .children[data-relation=nested] .child");
    assert.equal(await children.count(), 1);
    const child = children.first();
    assert.equal(await child.getAttribute("data-verdict"), "verified");
    assert.match(await child.innerText(), /Course 1000: Foundations of Verifiable Credentials/);
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

  test("pasted text is verified with the Verify button", async () => {
    const { page, close } = await openPage();
    await page.fill("#paste", await readFile(VALID_OB, "utf8"));
    await page.click("#verify");
    assert.equal((await shownVerdict(page)).verdict, "verified");
    await close();
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

  test("keyboard only: the drop zone opens the file picker with Enter", async () => {
    const { page, close } = await openPage();
    await tabTo(page, "drop");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
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
