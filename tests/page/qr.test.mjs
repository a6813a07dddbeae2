// QR codes and shareable links on the demo page, in headless Chromium: a
// fake camera (a .y4m video made here) showing a QR code, a screenshot with
// a QR code in it, #url= and #record= links, malformed links, Copy link.
// QR codes are drawn here with the qrcode-generator package.
import { readFile, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import qrcode from "qrcode-generator";

import { launchChromium, openPage, servePage, shared, shownVerdict } from "./browser.mjs";

const fixtures = new URL("fixtures/", shared);
const MANIFEST = JSON.parse(await readFile(new URL("MANIFEST.json", fixtures), "utf8"));
/** A fixture whose source says it is invalid (a broken proof value). */
const INVALID = "credentials/1edtech-validator/ob30/simple-err-proof-value.json";
/** A valid Open Badge signed with a did:key: verified without any lookup. */
const VALID_OB = "bench/vectors/ob3-v2-eddsa-rdfc-2022.json";
/** The page's verdict for each verdict a fixture's source states, where they are one to one. */
const VERDICT_FOR = { invalid: "invalid" };

let server;
let browser;
let videos;

before(async () => {
  server = await servePage({ "/fixtures": fixtures, "/bench": new URL("bench/", shared) });
  browser = await launchChromium();
  videos = await mkdtemp(join(tmpdir(), "cler-qr-"));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (videos) await rm(videos, { recursive: true, force: true });
});

const addressOf = (path) => new URL(path, server.url).href;

describe("scanning a QR code with the camera", () => {
  test("a QR code holding a link to a record: the record is fetched and verified", async () => {
    const expected = VERDICT_FOR[MANIFEST.credentials.find((entry) => entry.path === INVALID).expected];
    const address = addressOf(`fixtures/${INVALID}`);
    await withCamera(await cameraShowing(address, "link"), async ({ page, outside, errors }) => {
      await page.click("#scan");
      const shown = await shownVerdict(page);

      assert.equal(shown.verdict, expected);
      assert.match(await page.locator("#result .origin").innerText(), /came from a QR code scanned with the camera/);
      assert.match(await page.locator("#result .check[data-outcome=fail]").first().innerText(), /Signature/);
      await assertCameraOff(page);
      assert.match(await page.locator("#scan-message").innerText(), /QR code read/);
      await assertLookupsListed(page, address, outside);
      assert.deepStrictEqual(errors, []);
    });
  });

  test("a QR code holding plain text: the page says it is not a credential", async () => {
    await withCamera(await cameraShowing("Table 12, see you at noon", "text"), async ({ page, errors }) => {
      await page.click("#scan");
      const shown = await shownVerdict(page);

      assert.equal(shown.verdict, "invalid");
      assert.match(shown.text, /not a credential/);
      assert.match(await page.locator("#result .caution").innerText(), /not a record this page can check/);
      await assertCameraOff(page);
      assert.deepStrictEqual(errors, []);
    });
  });

  test("cancel, or hiding the page, turns the camera off", async () => {
    await withCamera(await cameraShowing(undefined, "blank"), async ({ page }) => {
      await page.click("#scan");
      await page.locator("#camera:not([hidden])").waitFor();
      await page.waitForFunction(() => document.getElementById("camera-video").srcObject?.active);
      await page.click("#scan-cancel");
      await assertCameraOff(page);
      assert.match(await page.locator("#scan-message").innerText(), /cancelled/);

      await page.click("#scan");
      await page.locator("#camera:not([hidden])").waitFor();
      await page.evaluate(() => {
        Object.defineProperty(document, "hidden", { value: true, configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
      });
      await assertCameraOff(page);
      assert.match(await page.locator("#scan-message").innerText(), /page was hidden/);
    });
  });

  test("without a camera the page says so in words", async () => {
    const { page, errors, close } = await openPage(browser, server);
    await page.click("#scan");
    const message = page.locator("#scan-message");
    await message.filter({ hasText: /camera|QR/ }).filter({ hasNotText: /Starting/ }).waitFor();
    assert.match(await message.innerText(), /No camera was found|camera was not allowed/);
    assert.equal(await page.locator("#camera").getAttribute("hidden"), "");
    assert.deepStrictEqual(errors, []);
    await close();
  });
});

describe("a picture with a QR code", () => {
  test("a screenshot (PNG) and a photo (JPEG) with a QR code among other things: verified", async () => {
    const { page, outside, errors, close } = await openPage(browser, server);
    const address = addressOf(VALID_OB);
    for (const type of ["image/png", "image/jpeg"]) {
      await dropScreenshot(page, modules(address), type);
      const shown = await shownVerdict(page);
      assert.equal(shown.verdict, "verified", type);
      assert.match(await page.locator("#result .origin").innerText(), /came from a QR code in “screenshot/);
      await page.evaluate(() => document.getElementById("result").replaceChildren());
    }
    assert.ok((await qrModuleFiles(page)).some((name) => name.endsWith("_bg.wasm")), "the QR reader was loaded");
    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a picture without a QR code or a baked credential is explained", async () => {
    const { page, errors, close } = await openPage(browser, server);
    await dropScreenshot(page, undefined, "image/png");
    assert.equal((await shownVerdict(page)).verdict, "invalid");
    assert.match(await page.locator("#result .origin").innerText(), /No QR code was found/);
    assert.match(await page.locator("#result").innerText(), /no credential baked into it/);
    assert.deepStrictEqual(errors, []);
    await close();
  });
});

describe("shareable links", () => {
  test("a #record= link holds the record itself", async () => {
    const bytes = await readFile(new URL(VALID_OB, shared));
    const url = `${server.url}#record=${deflateRawSync(bytes).toString("base64url")}`;
    const { page, outside, errors, close } = await openPage(browser, server, { url });
    assert.equal((await shownVerdict(page)).verdict, "verified");
    assert.match(await page.locator("#result .origin").innerText(), /came from a shared link/);
    assert.deepStrictEqual(await qrModuleFiles(page), [], "the QR reader is not loaded without a scan");
    assert.deepStrictEqual(outside, []);
    assert.deepStrictEqual(errors, []);
    await close();
  });

  test("a #url= link is fetched; the page's own link for it is the same", async () => {
    const address = addressOf(`fixtures/${INVALID}`);
    const url = `${server.url}#url=${encodeURIComponent(address)}`;
    const { page, outside, close } = await openPage(browser, server, { url });
    assert.equal((await shownVerdict(page)).verdict, "invalid");
    assert.equal(await page.inputValue("#share-link"), url);
    await assertLookupsListed(page, address, outside);
    await close();
  });

  test("changing the fragment checks the new record", async () => {
    const { page, close } = await openPage(browser, server);
    await page.evaluate((address) => (location.hash = `url=${encodeURIComponent(address)}`), addressOf(VALID_OB));
    assert.equal((await shownVerdict(page)).verdict, "verified");
    await close();
  });

  test("a malformed link gets a plain sentence, never an exception", async () => {
    for (const [fragment, words] of [
      ["record=%%%not-base64", /damaged/],
      ["record=AAAAAAAA", /could not be unpacked/],
      [`record=${deflateRawSync(Buffer.from("x")).toString("base64url").slice(0, -2)}`, /could not be unpacked|not a credential/],
      [`record=${deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 32)).toString("base64url")}`, /more than 4 MB/],
      ["url=javascript%3Aalert(1)", /not an http or https address/],
      ["url=%E0%A4%A", /not a web address/],
    ]) {
      const { page, errors, close } = await openPage(browser, server, { url: `${server.url}#${fragment}` });
      const status = page.locator("#status");
      await status.filter({ hasText: words }).waitFor().catch(async () => {
        assert.fail(`#${fragment}: status says “${await status.innerText()}”`);
      });
      assert.deepStrictEqual(errors, [], fragment);
      await close();
    }
  });

  test("Copy link puts a #record= link on the clipboard that opens the same verdict", async () => {
    const contextOptions = { permissions: ["clipboard-read", "clipboard-write"] };
    const first = await openPage(browser, server, { contextOptions });
    await first.page.fill("#paste", await readFile(new URL(VALID_OB, shared), "utf8"));
    await first.page.click("#verify");
    assert.equal((await shownVerdict(first.page)).verdict, "verified");
    await first.page.click("#share-copy");
    await first.page.locator("#share-message").filter({ hasText: "Link copied" }).waitFor();
    const link = await first.page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${server.url}#record=`), link);
    await first.close();

    const second = await openPage(browser, server, { url: link });
    assert.equal((await shownVerdict(second.page)).verdict, "verified");
    assert.match(await second.page.locator("#result .sentence").innerText(), /issued/);
    await second.close();
  });

  test("a record too large for a link is said so, without a link", async () => {
    const { page, close } = await openPage(browser, server);
    const noise = Array.from({ length: 1500 }, (_, index) => `${index.toString(36)}-${Math.random().toString(36)}`);
    await page.fill("#paste", JSON.stringify({ noise }));
    await page.click("#verify");
    await shownVerdict(page);
    const said = page.locator("#result .share-too-long");
    await said.waitFor();
    assert.match(await said.innerText(), /too large for a link/);
    assert.equal(await page.locator("#share-link").count(), 0);
    await close();
  });
});

/** The dark/light modules of a QR code holding `text` (error correction M). */
function modules(text) {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => code.isDark(row, column)));
}

/**
 * Writes a YUV4MPEG2 video (4:2:0, 640 × 480, two identical frames) that
 * shows `text` as a QR code in the middle, or nothing when `text` is
 * undefined, and returns its path.
 */
async function cameraShowing(text, name) {
  const [width, height] = [640, 480];
  const luma = Buffer.alloc(width * height, 235);
  const grid = text === undefined ? [] : modules(text);
  const scale = Math.floor(360 / (grid.length + 8));
  const left = Math.floor((width - grid.length * scale) / 2);
  const top = Math.floor((height - grid.length * scale) / 2);
  grid.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        luma.fill(16, (top + y * scale + dy) * width + left + x * scale, (top + y * scale + dy) * width + left + (x + 1) * scale);
      }
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const path = join(videos, `${name}.y4m`);
  await writeFile(path, Buffer.concat([header, frame, frame]));
  return path;
}

/** Runs `body` with the page open in a Chromium of its own whose camera shows `video`. */
async function withCamera(video, body) {
  const camera = await launchChromium([
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    const opened = await openPage(camera, server);
    await body(opened);
    await opened.close();
  } finally {
    await camera.close();
  }
}

/**
 * The record's own address is listed among the lookups, and so is every
 * request that left 127.0.0.1 (the issuer's profile, looked up online).
 */
async function assertLookupsListed(page, address, outside) {
  const lookups = await page.locator("#result .lookups").innerText();
  assert.ok(lookups.includes(address), `${address} is listed`);
  for (const url of outside) assert.ok(lookups.includes(url), `${url} is listed`);
}

/** The files of pkg/qr/ the page has loaded so far. */
function qrModuleFiles(page) {
  return page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.includes("/pkg/qr/")),
  );
}

async function assertCameraOff(page) {
  await page.locator("#camera[hidden]").waitFor({ state: "attached" });
  assert.equal(await page.evaluate(() => document.getElementById("camera-video").srcObject), null);
}

/**
 * Draws a "screenshot" in the page (a title bar, text, boxes and, when
 * given, the QR code `grid` off to one side), encodes it as `type` and
 * drops it on the drop zone.
 */
async function dropScreenshot(page, grid, type) {
  const transfer = await page.evaluateHandle(
    async ([cells, kind]) => {
      const canvas = new OffscreenCanvas(1100, 720);
      const draw = canvas.getContext("2d");
      draw.fillStyle = "#f3f3f3";
      draw.fillRect(0, 0, 1100, 720);
      draw.fillStyle = "#24407a";
      draw.fillRect(0, 0, 1100, 56);
      draw.fillStyle = "#222";
      draw.font = "22px sans-serif";
      draw.fillText("Congratulations! Your badge is ready. Scan to check it.", 40, 120);
      draw.fillStyle = "#c33";
      draw.fillRect(40, 160, 300, 200);
      if (cells) {
        const scale = 6;
        draw.fillStyle = "#fff";
        draw.fillRect(600, 180, (cells.length + 8) * scale, (cells.length + 8) * scale);
        draw.fillStyle = "#000";
        cells.forEach((row, y) =>
          row.forEach((dark, x) => dark && draw.fillRect(600 + (x + 4) * scale, 180 + (y + 4) * scale, scale, scale)),
        );
      }
      const blob = await canvas.convertToBlob({ type: kind, quality: 0.92 });
      const data = new DataTransfer();
      data.items.add(new File([blob], `screenshot.${kind.split("/")[1]}`, { type: kind }));
      return data;
    },
    [grid, type],
  );
  await page.dispatchEvent("#drop", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
}
