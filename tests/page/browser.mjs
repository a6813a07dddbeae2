// What the page tests share: the demo page served from 127.0.0.1 (www/ with
// pkg/ mounted), Chromium started without network chatter, and a page that
// aborts and records any request leaving our server.
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";

import { startServer } from "../../scripts/static-server.mjs";
import { launchChromium as launch } from "../chromium.mjs";

export { CHROMIUM_ARGS, launchChromium } from "../chromium.mjs";

export const repo = new URL("../../", import.meta.url);
export const shared = new URL("../shared/", repo);

/** Serves www/ with pkg/ at /pkg and any further `mounts` (prefix → folder URL). */
export function servePage(mounts = {}) {
  const path = (url) => fileURLToPath(url);
  const folders = Object.fromEntries(Object.entries(mounts).map(([prefix, url]) => [prefix, path(url)]));
  return startServer({ root: path(new URL("www", repo)), mounts: { "/pkg": path(new URL("pkg", repo)), ...folders } });
}

/**
 * Serves the page (see servePage) and starts Chromium before a file's tests,
 * closing both after them; the returned `{ server, browser }` is filled in
 * once they run.
 */
export function usePageAndBrowser(mounts = {}) {
  const running = {};
  before(async () => {
    running.server = await servePage(mounts);
    running.browser = await launch();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return running;
}

/**
 * Opens `url` (the page, with any fragment) in a fresh context of `browser`.
 * Requests to anywhere but `server` are aborted and recorded in `outside`;
 * page errors are kept in `errors`. `contextOptions` go to newContext.
 */
export async function openPage(browser, server, { url = server.url, contextOptions = {}, fileChooser = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await page.route("**/*", (route) => {
    const address = route.request().url();
    if (address.startsWith(server.url)) return route.continue();
    outside.push(address);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const chooser = fileChooser ? new Promise((opened) => page.once("filechooser", opened)) : undefined;
  await page.goto(url);
  await page.waitForSelector("body[data-ready]");
  return { page, context, outside, errors, fileChooser: chooser, close: () => context.close() };
}

/** The verdict banner's verdict and words, once a report is shown. */
export async function shownVerdict(page) {
  const banner = page.locator("#result .banner");
  await banner.waitFor();
  return { verdict: await banner.getAttribute("data-verdict"), text: await banner.innerText() };
}
