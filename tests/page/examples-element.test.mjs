// The examples page's element cases and its URL case, in headless Chromium.
// Enabled (renamed to .test.mjs) once <cler-verifier> (pkg-template/element/)
// and URL inputs to verify() are merged: written against the shared contract.
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { startServer } from "../../scripts/static-server.mjs";
import { launchChromium, openIsolatedPage } from "../chromium.mjs";

const repo = new URL("../../", import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, repo));

let server;
let browser;
let opened;

before(async () => {
  server = await startServer({ root: path("www"), mounts: { "/pkg": path("pkg") } });
  browser = await launchChromium();
  opened = await openIsolatedPage(browser, server.url);
  await opened.page.goto(`${server.url}examples.html`);
  await opened.page.waitForSelector("body[data-ready]");
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The verdict of the element's last report, once it has one. */
async function elementVerdict(id) {
  const handle = await opened.page.waitForFunction(
    (elementId) => document.getElementById(elementId)?.report?.verdict,
    id,
    { timeout: 30_000 },
  );
  return handle.jsonValue();
}

test("the URL case fetches the sample and verifies it, listing the URL", async () => {
  const output = opened.page.locator('output[data-run="url"][data-verdict]');
  await output.waitFor({ timeout: 30_000 });
  assert.equal(await output.getAttribute("data-verdict"), "verified");
  assert.match(await output.locator('li[data-outcome="fetched"]').innerText(), /samples\/badge\.json/);
});

test("the element verifies an inline record and one from src", async () => {
  assert.equal(await elementVerdict("element-record"), "verified");
  assert.equal(await elementVerdict("element-src"), "verified");
  const verdictPart = opened.page.locator('#element-record [part~="verdict"]');
  assert.match(await verdictPart.innerText(), /verified/i);
});

test("the element's events reach the page: verified with the report, error with a message", async () => {
  const verified = opened.page.locator('output[data-run="element-verified"][data-verdict]');
  await verified.waitFor({ timeout: 30_000 });
  assert.equal(await verified.getAttribute("data-verdict"), "invalid");
  const failed = opened.page.locator('output[data-run="element-error"][data-verdict="error"]');
  await failed.waitFor({ timeout: 30_000 });
  assert.match(await failed.innerText(), /error event: \S/);
});

test("::part and custom properties style the element from the page", async () => {
  assert.equal(await elementVerdict("element-parts"), "verified");
  const part = opened.page.locator('#element-parts [part~="verdict"]');
  assert.equal(await part.evaluate((node) => getComputedStyle(node).textTransform), "uppercase");
  const plain = opened.page.locator('#element-src [part~="verdict"]');
  assert.equal(await plain.evaluate((node) => getComputedStyle(node).textTransform), "none");
});

test("the element's own styles apply under the page's Content-Security-Policy (style-src 'self')", async () => {
  const banner = opened.page.locator('#element-src [part~="verdict"]');
  const style = await banner.evaluate((node) => {
    const computed = getComputedStyle(node);
    return { width: computed.borderTopWidth, color: computed.borderTopColor };
  });
  assert.notEqual(style.width, "0px", "the banner's border from the element's style sheet");
  assert.equal(style.color, "rgb(26, 127, 55)", "the default --cler-pass colour of a verified record");
});

test("the element cases reached nothing but 127.0.0.1 and threw nothing", () => {
  assert.deepStrictEqual(opened.outside, []);
  assert.deepStrictEqual(opened.errors, []);
});
