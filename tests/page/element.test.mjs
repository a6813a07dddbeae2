// The <cler-verifier> element in headless Chromium, on the optimised wasm
// build: attribute changes verify again, `verified` and `error` events carry
// the report, ::part styling reaches inside, focus order and the announced
// verdict, Spanish and French, and a CLR of 100 nested credentials verified
// in the worker without a long task on the page. Expected verdicts come from
// the bench manifest (valid → verified, invalid → invalid).
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { startServer } from "../../scripts/static-server.mjs";
import { launchChromium } from "../chromium.mjs";

const repo = new URL("../../", import.meta.url);
const shared = new URL("../shared/", repo);
const VECTORS = new URL("bench/vectors/", shared);
const COMPLETE_OB = new URL("fixtures/credentials/1edtech-validator/ob30/complete.json", shared);
const VERDICT_OF = { valid: "verified", invalid: "invalid" };

let server;
let browser;
let manifest;

before(async () => {
  const path = (relative) => fileURLToPath(new URL(relative, repo));
  server = await startServer({ root: path("tests/page/element-host"), mounts: { "/pkg": path("pkg") } });
  browser = await launchChromium();
  manifest = JSON.parse(await readFile(new URL("manifest.json", VECTORS), "utf8"));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of a bench vector and the verdict its manifest expects. */
async function vector(id) {
  const entry = manifest.vectors.find((candidate) => candidate.id === id);
  assert.ok(entry, `${id} is in the bench manifest`);
  return { text: await readFile(new URL(entry.file, VECTORS), "utf8"), verdict: VERDICT_OF[entry.expected], entry };
}

/** The host page; nothing may leave 127.0.0.1, page errors are kept. */
async function openHost() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
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
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector("body[data-ready]");
  return { page, outside, errors, close: () => context.close() };
}

/**
 * Sets attributes on the element and resolves to the next `verified` or
 * `error` event: its kind, and the verdict, check ids, number of children
 * or message it carried.
 */
async function nextEvent(page, attributes) {
  return page.evaluate((changes) => new Promise((resolve) => {
    const element = document.getElementById("verifier");
    const done = (kind) => (event) => {
      element.removeEventListener("verified", onVerified);
      element.removeEventListener("error", onError);
      // Only what the tests read: sending the whole report back would itself
      // be a long task on the page.
      const { verdict, checks = [], children = [], message } = event.detail;
      const checkIds = checks.map((check) => check.id);
      resolve({ kind, detail: { verdict, checkIds, children: children.length, message }, fromDocument: event.composed && event.bubbles });
    };
    const onVerified = done("verified");
    const onError = done("error");
    element.addEventListener("verified", onVerified);
    element.addEventListener("error", onError);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }), attributes);
}

describe("the <cler-verifier> element", () => {
  test("a record verifies; changing an attribute verifies again; events carry the report", async () => {
    const { page, outside, errors, close } = await openHost();
    const valid = await vector("ob3-v2-eddsa-rdfc-2022");
    const tampered = await vector("ob3-v2-eddsa-rdfc-2022-tampered");

    const first = await nextEvent(page, { record: valid.text });
    assert.equal(first.kind, "verified");
    assert.equal(first.detail.verdict, valid.verdict);
    assert.ok(first.fromDocument, "the event bubbles and crosses the shadow boundary");
    assert.equal(await page.evaluate(() => document.getElementById("verifier").report.verdict), valid.verdict);
    assert.equal(await page.locator("cler-verifier .banner").getAttribute("data-verdict"), valid.verdict);

    const second = await nextEvent(page, { record: tampered.text });
    assert.equal(second.detail.verdict, tampered.verdict);
    assert.equal(await page.locator("cler-verifier .banner").getAttribute("data-verdict"), tampered.verdict);

    const third = await nextEvent(page, { record: valid.text, "expected-recipient": "someone.else@example.org" });
    assert.ok(third.detail.checkIds.includes("recipient"), "the recipient check ran");
    assert.equal(await page.locator("cler-verifier .check[data-check=recipient]").count(), 1);

    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a list the core refuses fires `error` with its message; verify() rejects", async () => {
    const { page, close } = await openHost();
    const valid = await vector("ob3-v2-eddsa-rdfc-2022");
    const failed = await nextEvent(page, { "trusted-issuers": '["*"]', record: valid.text });
    assert.equal(failed.kind, "error");
    assert.match(failed.detail.message, /would trust every issuer/);
    assert.match(await page.locator("cler-verifier [role=alert]").innerText(), /could not run/);
    const rejected = await page.evaluate(() => document.getElementById("verifier").verify("{}").then(() => "resolved", (error) => error.message));
    assert.match(rejected, /would trust every issuer/);
    await close();
  });

  test("verify(input) from a script resolves to the report", async () => {
    const { page, close } = await openHost();
    const jwt = await vector("ob3-jwt-eddsa");
    const report = await page.evaluate((text) => document.getElementById("verifier").verify(text), jwt.text);
    assert.equal(report.verdict, jwt.verdict);
    assert.equal(report.document.type.includes("OpenBadgeCredential"), true, "the view got the JWT's credential");
    assert.match(await page.locator("cler-verifier .record-name").innerText(), /\S/);
    await close();
  });

  test("::part(verdict) styling from the page applies inside the element", async () => {
    const { page, close } = await openHost();
    await nextEvent(page, { record: (await vector("ob3-v2-eddsa-rdfc-2022")).text });
    const style = await page.locator("cler-verifier [part=verdict]").evaluate((node) => {
      const computed = getComputedStyle(node);
      return { outline: computed.outlineStyle, color: computed.outlineColor, radius: computed.borderTopRightRadius };
    });
    assert.deepStrictEqual(style, { outline: "dashed", color: "rgb(1, 2, 3)", radius: "3px" });
    await close();
  });

  test("Tab walks from the button before, through the element in order, to the button after", async () => {
    const { page, close } = await openHost();
    const event = await nextEvent(page, { record: await readFile(COMPLETE_OB, "utf8") });
    assert.equal(event.kind, "verified");
    const expected = await page.evaluate(() =>
      [...document.getElementById("verifier").shadowRoot.querySelectorAll("button, summary")]
        .filter((node) => node.getClientRects().length > 0)
        .map((node) => node.textContent.trim()));
    assert.ok(expected.includes("Show image"), "the remote image waits behind a button");

    await page.focus("#before");
    const walked = [];
    for (let presses = 0; presses <= expected.length; presses += 1) {
      await page.keyboard.press("Tab");
      walked.push(await page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        return inner ? inner.textContent.trim() : `#${document.activeElement?.id}`;
      }));
    }
    assert.deepStrictEqual(walked, [...expected, "#after"]);
    await close();
  });

  test("the remote image is loaded only after Show image is pressed", async () => {
    const { page, outside, close } = await openHost();
    await nextEvent(page, { record: await readFile(COMPLETE_OB, "utf8") });
    assert.deepStrictEqual(outside, [], "nothing fetched before asking");
    assert.match(await page.locator("cler-verifier .record-image-holder").innerText(), /1edtech\.edu/);
    await page.locator("cler-verifier button.show-image").click();
    await page.locator("cler-verifier img.record-image").waitFor({ state: "attached" });
    assert.ok(outside.some((url) => url.startsWith("https://1edtech.edu/")), "the image was requested (and blocked here)");
    await close();
  });

  test("the verdict is announced in a live region", async () => {
    const { page, close } = await openHost();
    const valid = await vector("ob3-v2-eddsa-rdfc-2022");
    await nextEvent(page, { record: valid.text });
    const live = page.locator("cler-verifier [aria-live=polite][role=status]");
    assert.match(await live.textContent(), /^Verified\. Verified: this record is genuine/);
    await close();
  });

  test("lang=\"es\" and lang=\"fr\" show Spanish and French", async () => {
    const { page, close } = await openHost();
    const tampered = await vector("ob3-v2-eddsa-rdfc-2022-tampered");
    await nextEvent(page, { record: tampered.text, lang: "es" });
    const banner = page.locator("cler-verifier .banner");
    assert.match(await banner.innerText(), /No válido/);
    assert.match(await banner.innerText(), /La firma no coincide/);
    assert.match(await page.locator("cler-verifier .check[data-check=proof]").first().innerText(), /Fallido\s+Firma/);
    assert.match(await page.locator("cler-verifier [role=status]").textContent(), /^No válido\./);

    await page.evaluate(() => document.getElementById("verifier").setAttribute("lang", "fr"));
    await page.locator("cler-verifier .banner", { hasText: "Non valide" }).waitFor();
    assert.match(await page.locator("cler-verifier .check[data-check=proof]").first().innerText(), /Échoué\s+Signature/);
    assert.match(await page.locator("cler-verifier .record").innerText(), /Émis par/);
    await close();
  });

  test("a CLR of 100 nested credentials: verified in the worker, progress shown, no long task on the page", { timeout: 180_000 }, async (t) => {
    const { page, errors, close } = await openHost();
    const clr = await vector("clr-n100-eddsa-rdfc-2022");
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => ({ at: Math.round(entry.startTime), duration: entry.duration }))))
        .observe({ type: "longtask", buffered: false });
      window.progressSeen = [];
      const root = document.getElementById("verifier").shadowRoot;
      new MutationObserver(() => {
        const bar = root.querySelector("progress");
        if (bar) window.progressSeen.push(`${bar.value}/${bar.max}`);
        if (bar) window.progressAt ??= Math.round(performance.now());
      }).observe(root, { childList: true, subtree: true });
    });

    const event = await nextEvent(page, { record: clr.text });
    assert.equal(event.kind, "verified");
    assert.equal(event.detail.verdict, clr.verdict);
    assert.equal(event.detail.children, clr.entry.nested);
    const entries = page.locator("cler-verifier .transcript .entry");
    assert.equal(await entries.count(), clr.entry.nested);
    assert.equal(await page.locator(`cler-verifier .transcript .entry[data-verdict=${clr.verdict}]`).count(), clr.entry.nested);

    const { longTasks, progressSeen, progressAt, now } = await page.evaluate(() => ({ longTasks: window.longTasks, progressSeen: window.progressSeen, progressAt: window.progressAt, now: Math.round(performance.now()) }));
    assert.ok(progressSeen.length > 1, `progress was shown (${progressSeen.length} updates)`);
    assert.ok(progressSeen.includes(`${clr.entry.nested}/${clr.entry.nested}`), progressSeen.slice(-3).join(", "));
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
    assert.ok(loaded.includes("/pkg/element/worker.js"), "the worker was started");
    assert.ok(!loaded.includes("/pkg/cler_verifier_bg.wasm"), "the page itself never loaded the verifier");
    const longest = Math.max(0, ...longTasks.map((task) => task.duration));
    t.diagnostic(`longest main-thread task: ${longest} ms; ${progressSeen.length} progress updates from ${progressAt} ms; done by ${now} ms; long tasks ${JSON.stringify(longTasks)}`);
    assert.ok(longest <= 100, `the longest main-thread task took ${longest} ms`);
    assert.deepStrictEqual(errors, []);
    await close();
  });
});
