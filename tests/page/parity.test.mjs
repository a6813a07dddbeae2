// The optimised wasm build inside headless Chromium gives exactly the
// native CLI's --json report for every shared fixture: the browser twin of
// tests/node/parity.test.mjs. Lookups are served from ../shared/fixtures/remote
// through a fetch function running in the page; nothing leaves 127.0.0.1.
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { startServer } from "../../scripts/static-server.mjs";
import { launchChromium } from "../chromium.mjs";
import { NOW, credentialFiles, remoteIndex, repo, shared, shortName } from "../node/fixtures.mjs";

const cli = process.env.CLER_VERIFY ?? `${repo}target/debug/cler-verify`;

let server;
let browser;
let page;

before(async () => {
  server = await startServer({
    root: `${repo}www`,
    mounts: { "/pkg": `${repo}pkg`, "/shared": fileURLToPath(shared) },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.route("**/*", (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort("blockedbyclient"));
  await page.goto(`${server.url}/pkg/package.json`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Verifies one shared file inside the page, lookups served from the fixtures. */
function verifyInPage(relative) {
  return page.evaluate(async ([file, now]) => {
    const { verify } = await import("/pkg/index.js");
    const index = await (await fetch("/shared/fixtures/remote/index.json")).json();
    const documents = new Map(index.documents.map((d) => [d.url, `/shared/fixtures/${d.path}`]));
    const lookup = async (url) => (documents.has(url) ? fetch(documents.get(url)) : null);
    const bytes = new Uint8Array(await (await fetch(`/shared/${file}`)).arrayBuffer());
    return verify(bytes, { now, fetch: lookup });
  }, [relative, NOW]);
}

function nativeReport(path) {
  const run = spawnSync(cli, ["--json", "--now", NOW, "--documents", remoteIndex, path], { encoding: "utf8" });
  return JSON.parse(run.stdout).report;
}

test("wasm in Chromium equals native for every shared fixture", async () => {
  const differing = [];
  const files = credentialFiles();
  for (const path of files) {
    const name = shortName(path);
    const inBrowser = await verifyInPage(name);
    try {
      assert.deepStrictEqual(inBrowser, nativeReport(path));
    } catch {
      differing.push(name);
    }
  }
  assert.ok(files.length > 200, `only ${files.length} files`);
  assert.deepStrictEqual(differing, [], `reports differ for ${differing.length} files`);
});
