// The shared fixtures (../shared from the repository), read the way the
// native CLI's `--documents` option reads them.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("../../", import.meta.url));
export const shared = new URL("../../../shared/", import.meta.url);
export const fixtures = new URL("fixtures/", shared);
export const remoteIndex = fileURLToPath(new URL("remote/index.json", fixtures));

/** The instant every comparison checks dates against. */
export const NOW = "2026-12-01T00:00:00Z";

const json = (url) => JSON.parse(readFileSync(url, "utf8"));

/** Every credential file of the fixtures manifest and of the bench vectors, as paths. */
export function credentialFiles() {
  const manifest = json(new URL("MANIFEST.json", fixtures));
  const bench = json(new URL("bench/vectors/manifest.json", shared));
  const inFixtures = manifest.credentials.map((entry) => new URL(entry.path, fixtures));
  const inBench = bench.vectors.map((entry) => new URL(`bench/vectors/${entry.file}`, shared));
  return [...inFixtures, ...inBench].map((url) => fileURLToPath(url));
}

const documents = new Map(
  json(new URL("remote/index.json", fixtures)).documents.map((entry) => [
    entry.url,
    new URL(entry.path, fixtures),
  ]),
);

/**
 * A fetch function over fixtures/remote: the document as a bare Response
 * (no content type, like the CLI's in-memory map), or null when unknown.
 */
export async function fetchFromFixtures(url) {
  const file = documents.get(url);
  return file ? new Response(await readFile(file)) : null;
}

/** Path of a file under the fixtures, for readable test names. */
export function shortName(path) {
  return path.replace(fileURLToPath(shared), "");
}
