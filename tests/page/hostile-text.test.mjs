// Text a record's sender controls, shown by the demo page: a huge unbroken
// word must not hold the page (laying it out once took minutes), and a
// right-to-left override in a name must not turn the page's own sentence
// around. Found by trying to break the page.
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import assert from "node:assert/strict";

import { openPage, shared, shownVerdict, usePageAndBrowser } from "./browser.mjs";

const VALID_OB = new URL("bench/vectors/ob3-v2-eddsa-rdfc-2022.json", shared);
/** Under the 8 MiB input limit; took 10 s to lay out before values were cut. */
const WORD = 200_000;
const BUDGET_MS = 3000;

const running = usePageAndBrowser();

/** Pastes `record` into the page (offline) and resolves to the page, its verdict and how long showing took. */
async function pasted(record) {
  const opened = await openPage(running.browser, running.server);
  await opened.page.check("#offline");
  await opened.page.fill("#paste", JSON.stringify(record));
  const started = Date.now();
  await opened.page.click("#verify");
  const shown = await shownVerdict(opened.page);
  await opened.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return { ...opened, shown, took: Date.now() - started };
}

test("a long unbroken description is cut and the page stays responsive", async () => {
  const record = JSON.parse(await readFile(VALID_OB, "utf8"));
  record.credentialSubject.achievement.description = "A".repeat(WORD);
  const { page, shown, took, errors, outside, close } = await pasted(record);

  assert.equal(shown.verdict, "invalid", "the description is signed: changing it breaks the proof");
  assert.ok(took < BUDGET_MS, `the page was busy for ${took} ms showing the report`);
  const description = await page.locator("#result .record").innerText();
  assert.match(description, /A{2000}… \[\+198000\]/);
  assert.deepStrictEqual([errors, outside], [[], []]);
  await close();
});

test("a right-to-left override in a name is shown, and the sentence keeps its order", async () => {
  const record = JSON.parse(await readFile(VALID_OB, "utf8"));
  record.issuer.name = "Example \u202eUniversity";
  const { page, close } = await pasted(record);

  const sentence = await page.locator("#result .record .sentence").first().innerText();
  assert.match(sentence, /Example \[U\+202E\]University/);
  assert.ok(!sentence.includes("\u202e"), "no raw override reaches the page");
  const headings = await page.locator("#result").innerText();
  assert.ok(!headings.includes("\u202e"), "nor anywhere else in the result");
  await close();
});
