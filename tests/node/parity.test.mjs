// The optimised wasm build (pkg/, loaded as Node users load it) gives exactly
// the report the native CLI prints with --json, for every shared fixture.
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

import { verify } from "../../pkg/node.js";
import { NOW, credentialFiles, fetchFromFixtures, remoteIndex, repo, shortName } from "./fixtures.mjs";

const cli = process.env.CLER_VERIFY ?? join(repo, "target/debug/cler-verify");

/** The report the CLI prints for one file (`{file, report}` with --json). */
function nativeReport(path) {
  const args = ["--json", "--now", NOW, "--documents", remoteIndex, path];
  const run = spawnSync(cli, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (run.error) throw new Error(`cannot run ${cli}: ${run.error.message}`);
  try {
    return JSON.parse(run.stdout).report;
  } catch {
    throw new Error(`the native CLI printed no JSON report (exit ${run.status}): ${run.stderr.trim()}`);
  }
}

for (const path of credentialFiles()) {
  test(`wasm report equals native report: ${shortName(path)}`, async () => {
    const native = nativeReport(path);
    const wasm = await verify(await readFile(path), { now: NOW, fetch: fetchFromFixtures });
    assert.deepStrictEqual(wasm, native);
  });
}
