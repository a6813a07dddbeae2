// Headless Chromium for the browser tests (Debian's build, driven by
// playwright-core), kept quiet on the network, and pages that may reach
// nothing but one local server.
import { chromium } from "playwright-core";

/** Flags that stop Chromium's own background calls (updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts headless Chromium with the quiet flags plus `args`. */
export function launchChromium(args = []) {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * A fresh page whose requests to anywhere but `serverUrl` are aborted and
 * recorded in `outside`; uncaught page errors are kept in `errors`.
 */
export async function openIsolatedPage(browser, serverUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(serverUrl)) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, outside, errors, close: () => context.close() };
}
