// The examples page (www/examples.html) in headless Chromium: every API case
// shows the verdict its sample record deserves, nothing leaves 127.0.0.1.
// The element cases and the URL case are in examples-element.test.mjs.pending
// until <cler-verifier> and URL inputs are on this branch.
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { startServer } from "../../scripts/static-server.mjs";
import { launchChromium, openIsolatedPage } from "../chromium.mjs";

const repo = new URL("../../", import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, repo));

/** Each API case's output (data-run) and the verdict it must show. */
const EXPECTED = {
  json: "verified",
  jwt: "verified",
  offline: "incomplete",
  "recipient-match": "verified",
  "recipient-other": "invalid",
  trust: "verified",
  checks: "invalid",
};

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

/** The verdict shown in the output named `run`, once there is one. */
async function shown(run) {
  const output = opened.page.locator(`output[data-run="${run}"]`);
  await output.and(opened.page.locator("[data-verdict]")).waitFor({ timeout: 30_000 });
  return output;
}

test("each API case shows its expected verdict", async () => {
  const verdicts = {};
  for (const run of Object.keys(EXPECTED)) verdicts[run] = await (await shown(run)).getAttribute("data-verdict");
  assert.deepStrictEqual(verdicts, EXPECTED);
});

test("the cases list what they are about: the skipped lookup, the recipient, the trust list, the failing check", async () => {
  const item = (run, selector) => opened.page.locator(`output[data-run="${run}"] li${selector}`);
  assert.match(await item("offline", '[data-outcome="offline"]').innerText(), /https:\/\/example\.com\/issuers\/876543 \(issuer profile\)/);
  assert.equal(await item("recipient-match", '[data-check="recipient"]').getAttribute("data-outcome"), "pass");
  assert.equal(await item("recipient-other", '[data-check="recipient"]').getAttribute("data-outcome"), "fail");
  assert.match(await item("trust", '[data-check="trust"][data-outcome="pass"]').innerText(), /Example University/);
  assert.match(await item("checks", '[data-check="proof"][data-outcome="fail"]').innerText(), /signature/i);
  assert.ok((await item("checks", "").count()) >= 8, "every check is listed");
});

test("a file picked in the file case is verified", async () => {
  await opened.page.setInputFiles("#file-input", path("www/samples/badge.json"));
  assert.equal(await (await shown("file")).getAttribute("data-verdict"), "verified");
});

test("the page reached nothing but 127.0.0.1 and threw nothing", () => {
  assert.deepStrictEqual(opened.outside, []);
  assert.deepStrictEqual(opened.errors, []);
});

test("the demo page links to the examples", async () => {
  const page = opened.page;
  await page.goto(server.url);
  await Promise.all([page.waitForURL(/examples\.html$/), page.click('a[href="examples.html"]')]);
  assert.match(await page.title(), /Examples/);
});
