// The npm package as a consumer gets it: `npm pack` of pkg/, installed
// offline from the tarball into a fresh folder, then used from Node 20, from
// a Vite app and from a plain page (both in headless Chromium), and from
// TypeScript with --strict. Verdicts are compared with MANIFEST.json.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { startServer } from "../../scripts/static-server.mjs";
import { launchChromium, openIsolatedPage } from "../chromium.mjs";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkg = join(repo, "pkg");
const app = fileURLToPath(new URL("app/", import.meta.url));
const fixtures = new URL("../shared/fixtures/", `file://${repo}`);

/** One record the MANIFEST calls valid, one it calls invalid (both checkable offline). */
const RECORDS = [
  "credentials/dcc-vc-test-fixtures/verifiableCredentials/v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry-basicOBv3.json",
  "credentials/1edtech-validator/ob30/simple-err-expired.json",
];
/** The MANIFEST's `expected` as our verdict. */
const VERDICT_OF = { valid: "verified", invalid: "invalid" };
/** What the tarball holds besides the element/ and qr/ folders. */
const CORE_FILES = [
  "README.md",
  "api.js",
  "cler_verifier.js",
  "cler_verifier_bg.wasm",
  "element.d.ts",
  "index.d.ts",
  "index.js",
  "node.js",
  "package.json",
];

let work;
let consumer;
let packed;

before(async () => {
  work = await mkdtemp(join(tmpdir(), "cler-consumer-"));
  const { stdout } = await run("npm", ["pack", pkg, "--pack-destination", work, "--json"], { cwd: work });
  [packed] = JSON.parse(stdout);

  consumer = join(work, "consumer");
  await cp(app, consumer, { recursive: true });
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const tarball = join(work, packed.filename);
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: consumer });
  await copyRecords(join(consumer, "public", "records"));
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The chosen fixtures, under their base names, with an index.json listing them. */
async function copyRecords(folder) {
  await mkdir(folder, { recursive: true });
  const names = [];
  for (const path of RECORDS) {
    const name = path.split("/").pop();
    await cp(fileURLToPath(new URL(path, fixtures)), join(folder, name));
    names.push(name);
  }
  await writeFile(join(folder, "index.json"), JSON.stringify(names));
}

/** {base name: verdict} the MANIFEST states for RECORDS. */
async function manifestVerdicts() {
  const manifest = JSON.parse(await readFile(new URL("MANIFEST.json", fixtures), "utf8"));
  const expected = {};
  for (const path of RECORDS) {
    const entry = manifest.credentials.find((credential) => credential.path === path);
    expected[path.split("/").pop()] = VERDICT_OF[entry.expected];
  }
  return expected;
}

/** Every file below `folder`, relative to `base`. */
async function filesBelow(folder, base) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(base, join(entry.parentPath, entry.name)));
}

/**
 * Serves `root` (plus mounts), opens `page`, and resolves to the verdicts it
 * shows; the element's verdicts, from its worker, must be the same.
 */
async function verdictsInChromium(root, page, mounts = {}) {
  const server = await startServer({ root, mounts });
  const browser = await launchChromium();
  try {
    const opened = await openIsolatedPage(browser, server.url);
    await opened.page.goto(new URL(page, server.url).href);
    await opened.page.waitForSelector("body[data-done]", { timeout: 60_000 });
    assert.deepStrictEqual(opened.outside, [], "no request leaves 127.0.0.1");
    assert.deepStrictEqual(opened.errors, [], "no page error");
    const api = JSON.parse(await opened.page.locator("#verdicts").textContent());
    const element = JSON.parse(await opened.page.locator("#element-verdicts").textContent());
    assert.deepStrictEqual(element, api, "the element shows the same verdicts as the API");
    const loaded = await opened.page.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => entry.name),
    );
    assert.ok(loaded.some((name) => /worker/.test(name)), `the element verified in its Web Worker: ${loaded.join(", ")}`);
    return api;
  } finally {
    await browser.close();
    await server.close();
  }
}

test("the tarball holds exactly the package's files", async (t) => {
  const inTarball = packed.files.map((file) => file.path).sort();
  const optional = [...(await filesBelow(join(pkg, "element"), pkg)), ...(await filesBelow(join(pkg, "qr"), pkg))];
  assert.deepStrictEqual(inTarball, [...CORE_FILES, ...optional].sort());

  const cargo = await readFile(join(repo, "Cargo.toml"), "utf8");
  assert.equal(packed.name, cargo.match(/^name = "(.*)"/m)[1]);
  assert.equal(packed.version, cargo.match(/^version = "(.*)"/m)[1]);
  t.diagnostic(`${packed.filename}: ${packed.size} bytes gzipped, ${packed.unpackedSize} unpacked, ${inTarball.length} files`);
  for (const file of packed.files) t.diagnostic(`  ${String(file.size).padStart(9)}  ${file.path}`);
});

test("Node 20: an ESM script imports the package by name and verifies the fixtures", async () => {
  const paths = RECORDS.map((path) => join(consumer, "public", "records", path.split("/").pop()));
  const { stdout } = await run(process.execPath, ["verify-records.mjs", ...paths], { cwd: consumer });
  assert.deepStrictEqual(JSON.parse(stdout), await manifestVerdicts());
});

test("Vite: an app importing the package builds, and its page verifies the fixtures", async () => {
  const vite = join(repo, "node_modules", "vite", "bin", "vite.js");
  await run(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: consumer });
  const dist = join(consumer, "dist");
  const built = await filesBelow(dist, dist);
  assert.ok(built.some((file) => file.endsWith(".wasm")), `the .wasm is emitted: ${built.join(", ")}`);

  assert.deepStrictEqual(await verdictsInChromium(dist, "index.html"), await manifestVerdicts());
});

test("a plain page imports the package's own files and verifies the fixtures", async () => {
  const mounts = { "/records": join(consumer, "public", "records") };
  assert.deepStrictEqual(await verdictsInChromium(consumer, "plain.html", mounts), await manifestVerdicts());
});

test("TypeScript --strict accepts a consumer of every export and refuses misuse", async () => {
  const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
  const declared = await exportedNames();
  const source = await readFile(join(consumer, "consumer.ts"), "utf8");
  for (const name of declared) assert.match(source, new RegExp(`\\b${name}\\b`), `consumer.ts uses ${name}`);

  for (const config of ["tsconfig.json", "tsconfig.node.json"]) {
    await run(process.execPath, [tsc, "-p", config, "--strict", "--noEmit"], { cwd: consumer }).catch((error) => {
      throw new Error(`tsc -p ${config} refused the consumer:\n${error.stdout}${error.stderr}`);
    });
  }
  const wrong = run(process.execPath, [tsc, "-p", "tsconfig.wrong.json", "--strict", "--noEmit"], { cwd: consumer });
  const refused = await wrong.then(() => undefined, (error) => error.stdout);
  assert.ok(refused, "wrong.ts must not compile");
  assert.match(refused, /wrong\.ts.*TS2322[\s\S]*wrong\.ts.*TS2339/);
});

test("every declaration and field of the .d.ts files has a doc comment", async () => {
  for (const file of ["index.d.ts", "element.d.ts"]) {
    const lines = (await readFile(join(consumer, "node_modules", "cler-verifier", file), "utf8")).split("\n");
    const declarations = /^(export |\s+(readonly )?[\w"-]+\??(\(|<|:)|\s+"[\w-]+":)/;
    lines.forEach((line, at) => {
      if (!declarations.test(line) || line.trimEnd().endsWith(",")) return;
      assert.match(lines[at - 1] ?? "", /\*\/\s*$/, `${file}:${at + 1} "${line.trim()}" has a doc comment`);
    });
  }
});

/** Every name the installed package's .d.ts files export. */
async function exportedNames() {
  const installed = join(consumer, "node_modules", "cler-verifier");
  const names = [];
  for (const file of ["index.d.ts", "element.d.ts"]) {
    const text = await readFile(join(installed, file), "utf8");
    for (const match of text.matchAll(/^export (?:declare )?(?:function|type|interface|class) (\w+)/gm)) names.push(match[1]);
  }
  assert.ok(names.length > 20, `the .d.ts files export the API: ${names.join(", ")}`);
  return names;
}
