// Adapter for ../shared/bench: times cler-verifier's wasm build (pkg/, built
// by scripts/build-wasm) beside the JavaScript peers, in the same run.
// Contract: verify(input) -> {verified, error?}; a CLR counts as verified
// only when its nested credentials are (our report's verdict covers them).
import { init as initWasm, verify as verifyWasm } from '../pkg/node.js';

export const name = 'cler-verifier (wasm)';

// Every proof the bench vectors use.
export const proofs = ['eddsa-rdfc-2022', 'Ed25519Signature2020', 'eddsa-jcs-2022', 'EdDSA', 'RS256'];

// Offline and with a fixed clock, like the peers (their vectors are dated 2025-01-15).
const options = { offline: true, now: '2026-01-01T00:00:00Z' };

export async function init() {
  await initWasm();
}

export async function verify(input) {
  const report = await verifyWasm(input, options);
  const verified = report.verdict === 'verified' || onlyKeyOwnerUnconfirmed(report);
  return { verified, error: verified ? undefined : report.headline };
}

// The RS256 vector carries its key in the JWT's `jwk` header. The peers
// (jose) check the signature with that key and stop; we also report that
// nothing ties the key to the issuer (`issuer_key` unknown, verdict
// incomplete). For timing the same work, that one reservation counts as
// verified here; every other unknown or failure does not.
function onlyKeyOwnerUnconfirmed(report) {
  const open = report.checks.filter((check) => check.outcome === 'fail' || check.outcome === 'unknown');
  return report.verdict === 'incomplete' && open.length > 0 && open.every((check) => check.id === 'issuer_key');
}
