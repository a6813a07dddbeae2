// Links pasted into the demo page, in headless Chromium: a record served
// from 127.0.0.1 is fetched and verified (and listed among the addresses
// contacted), a web page and a missing record are explained in words.
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import assert from "node:assert/strict";

import { openPage, shared, shownVerdict, usePageAndBrowser } from "./browser.mjs";

const fixtures = new URL("fixtures/", shared);
const MANIFEST = JSON.parse(await readFile(new URL("MANIFEST.json", fixtures), "utf8"));
/** Fixtures checkable without lookups, with the verdict their source states. */
const RECORDS = [
  "credentials/dcc-vc-test-fixtures/verifiableCredentials/v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry-basicOBv3.json",
  "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json",
];
/** The page's verdict for the verdict a fixture's source states. */
const VERDICT_FOR = { valid: "verified", invalid: "invalid" };

const running = usePageAndBrowser({ "/fixtures": fixtures });

/** Opens the page, pastes `text`, presses Verify; resolves to the page and what it showed. */
async function pasted(text) {
  const opened = await openPage(running.browser, running.server);
  await opened.page.fill("#paste", text);
  await opened.page.click("#verify");
  return { ...opened, shown: await shownVerdict(opened.page) };
}

test("a pasted link to a record is fetched and gets the verdict its source states", async () => {
  for (const path of RECORDS) {
    const address = new URL(`fixtures/${path}`, running.server.url).href;
    const expected = VERDICT_FOR[MANIFEST.credentials.find((entry) => entry.path === path).expected];
    const { page, shown, outside, errors, close } = await pasted(address);

    assert.equal(shown.verdict, expected, path);
    assert.match(await page.locator("#result").innerText(), new RegExp(address.replace(/[.?]/g, "\\$&")));
    assert.deepStrictEqual([outside, errors], [[], []]);
    await close();
  }
});

test("a pasted link to a web page says to download the credential file", async () => {
  const { shown, close } = await pasted(new URL("index.html", running.server.url).href);
  assert.notEqual(shown.verdict, "verified");
  assert.match(shown.text, /web page.*download the credential file/s);
  await close();
});

test("a pasted link that answers 404 says the record could not be fetched", async () => {
  const { shown, close } = await pasted(new URL("fixtures/no-such-record.json", running.server.url).href);
  assert.equal(shown.verdict, "incomplete");
  assert.match(shown.text, /could not be fetched.*does not exist \(404\)/s);
  await close();
});
