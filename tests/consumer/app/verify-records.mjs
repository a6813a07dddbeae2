// Node: verifies each file named on the command line (offline, at a fixed
// instant) with the installed package and prints {file: verdict} as JSON.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { verify } from "cler-verifier";

const NOW = "2026-12-01T00:00:00Z";
const verdicts = {};
for (const path of process.argv.slice(2)) {
  const report = await verify(await readFile(path), { offline: true, now: NOW });
  verdicts[basename(path)] = report.verdict;
}
process.stdout.write(JSON.stringify(verdicts));
