// Adapter for ../shared/bench: times cler-verifier's wasm build (pkg/, built
// by scripts/build-wasm) beside the JavaScript peers, in the same run.
// Contract: verify(input) -> {verified, error?}; a CLR counts as verified
// only when its nested credentials are (our report's verdict covers them).
import { init as initWasm, verify as verifyWasm } from '../pkg/node.js';

export const name = 'cler-verifier (wasm)';

// Only the suites this build verifies; the others are later work.
export const proofs = ['eddsa-rdfc-2022', 'Ed25519Signature2020'];

// Offline and with a fixed clock, like the peers (their vectors are dated 2025-01-15).
const options = { offline: true, now: '2026-01-01T00:00:00Z' };

export async function init() {
  await initWasm();
}

export async function verify(input) {
  const report = await verifyWasm(input, options);
  const verified = report.verdict === 'verified';
  return { verified, error: verified ? undefined : report.headline };
}
